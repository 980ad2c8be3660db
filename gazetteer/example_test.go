package gazetteer_test

import (
	"fmt"

	"github.com/entente-nlp/entente/gazetteer"
)

func ExampleGazetteer_Match() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	for _, m := range g.Match("Mevlüt Çavuşoğlu met Lavrov in Moscow; the US and NATO watched Syria's war.") {
		fmt.Println(m.Start, m.End, m.Text, m.Form, m.IDs)
	}
	// Output:
	// 0 20 Mevlüt Çavuşoğlu name [person:mevlut-cavusoglu]
	// 25 31 Lavrov surname [person:sergey-lavrov]
	// 35 41 Moscow name [city:moscow country:RU]
	// 47 49 US acronym [country:US]
	// 54 58 NATO name [org:nato]
	// 67 72 Syria name [country:SY]
}

func ExampleGazetteer_Lookup() {
	g, _ := gazetteer.Default()
	for _, c := range g.Lookup("Cavusoglu") {
		fmt.Printf("%s %.2f %s\n", c.Entry.ID, c.Score, c.Reason)
	}
	// Output:
	// person:mevlut-cavusoglu 0.85 surname of a known person
}
