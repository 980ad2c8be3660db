package coref

import "strings"

// firstNames maps common given names (folded, lower case) to a gender:
// the names of news in English, from many countries. A name missing here
// leaves the person's gender unknown, which fits either pronoun.
var firstNames = func() map[string]gender {
	m := map[string]gender{}
	for _, n := range strings.Fields(maleNames) {
		m[n] = male
	}
	for _, n := range strings.Fields(femaleNames) {
		m[n] = female
	}
	return m
}()

const maleNames = `
aaron abdel abdul abdullah abu adam adel ahmad ahmed akbar alan albert alejandro alex alexander
alexei alexey alfred ali alistair amir anatoly andre andreas andrei andres andrew andrey
andy angelo anthony antonio anton antony arnold arthur ashraf avigdor ayman barack barry bashar
ben benjamin benny bernard bill bob boris brad brian bruce carl carlos charles chris christian
christopher chuck colin craig dan daniel danny dave david dennis dick dmitry dmitri dominic donald
doug douglas ed eddie edward elon emmanuel enrique eric erik ernesto evan evo fabio faisal fernando
fidel francis francisco franco frank frans frederick fyodor gary geoffrey george gerhard gordon
greg gregory guido gustavo hamid hans harold harry hassan hector heinz helmut henri henry herbert
hosni howard hugo hussein ian ibrahim igor imran ismail ivan jack jacob jacques jake james jamie
jan javad javier jean jeff jeffrey jens jeremy jerry jim jimmy joe joel johan johannes john jon
jonathan jorge jose josef joseph juan julian justin kamal karim karl keith ken kenneth kevin khalid
kim kofi kurt larry lars lee leon leonid liam lionel louis luis luiz mahmoud malcolm manuel marco
marcus mario mark martin matt matteo matthew mauricio max michael michel miguel mike mikhail
mohamed mohammad mohammed mohammad muhammad moshe mustafa naftali narendra nawaz neil nicholas
nick nicolas nicolai nikolai nikita nursultan oleg olaf omar oscar otto pablo patrick paul pedro
peter petro phil philip pierre rafael rahul ralph ramzan ray raymond recep reza richard rick
robert roberto rodrigo roger ron ronald rudolf rudy rupert ryan saad salman sam samuel saud scott
sean sebastian serge sergei sergey sergio shimon shinzo silvio simon stefan stephen steve steven
stuart sultan taro ted thomas tim timothy todd tom tony ulrich vadim valery viktor vincent
vladimir vladislav volodymyr walter warren wayne william wolfgang xi yasser yitzhak yoshihide
yuri yury zbigniew mevlut fikri hulusi andrei tayyip binali ahmet abdel-fattah abdelaziz
mahmud hamad tamim haider nouri jalal masoud qassem hasan
`

const femaleNames = `
alice alicia amanda amy ana andrea angela angelina ann anna anne annette barbara beatrix betty
brenda carla carmen caroline catherine cecilia charlotte cheryl christina christine claire
claudia cristina cynthia dana daniela deborah diana dilma donna dorothy elena elisabeth eliza
elizabeth ella ellen emily emma erica eva federica fiona francesca frances gabriela golda grace
hannah heather helen helena hilary hillary ingrid irene isabel jacinda jane janet janice jennifer
jessica jill joan joanna julia julie karen kate katherine kathleen kathryn kristin laura lauren
linda lisa liz louise lucy lynn madeleine margaret margot maria marie marine marina marion martha
mary megan melania melissa michelle mira monica nancy natalia natalie nicola nikki nina olga
pamela patricia paula rachel rebecca rose ruth sandra sara sarah sharon silvia
sonia sophie stephanie susan suzanne sylvia tanya teresa theresa ursula valentina valerie
vanessa victoria virginia wendy yulia yuliya zoe benazir indira kamala
`
