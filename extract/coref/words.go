package coref

import "github.com/entente-nlp/entente/pipeline"

// gender of a person, as far as the text says.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// number of a pronoun or description.
type number uint8

const (
	singular number = iota + 1
	plural
)

// class is what an anaphor may refer to.
type class uint8

const (
	personClass  class = iota + 1 // PERSON
	groupClass                    // ORGANIZATION or COUNTRY ("it"), ORGANIZATION, NORP or a coordination ("they")
	orgClass                      // ORGANIZATION
	countryClass                  // COUNTRY
	placeClass                    // LOCATION
)

// pronoun is a third-person pronoun.
type pronoun struct {
	class  class
	gender gender
	number number
	// object marks accusative forms, which cannot refer to the subject of
	// their own verb ("Putin praised him").
	object bool
}

var pronouns = map[string]pronoun{
	"he":         {class: personClass, gender: male, number: singular},
	"him":        {class: personClass, gender: male, number: singular, object: true},
	"his":        {class: personClass, gender: male, number: singular},
	"himself":    {class: personClass, gender: male, number: singular},
	"she":        {class: personClass, gender: female, number: singular},
	"her":        {class: personClass, gender: female, number: singular},
	"hers":       {class: personClass, gender: female, number: singular},
	"herself":    {class: personClass, gender: female, number: singular},
	"it":         {class: groupClass, number: singular},
	"its":        {class: groupClass, number: singular},
	"itself":     {class: groupClass, number: singular},
	"they":       {class: groupClass, number: plural},
	"them":       {class: groupClass, number: plural, object: true},
	"their":      {class: groupClass, number: plural},
	"themselves": {class: groupClass, number: plural},
}

// description is the head noun of a definite description ("the
// minister"): the class it refers to, and the roles (for persons) or
// organization types (for organizations) it fits; an empty list fits any.
type description struct {
	class class
	// roles are lower-case words one of which the person's role must
	// contain ("minister" fits "Foreign Minister").
	roles []string
	// orgTypes are the organization types (attrs.org_type) it fits.
	orgTypes []string
	number   number
}

var (
	companyTypes  = []string{"company", "media", "bank", "airline"}
	armedTypes    = []string{"armed group", "militant group", "terrorist group", "rebel group", "political party"}
	intergovTypes = []string{"intergovernmental", "alliance"}
	govTypes      = []string{"government body", "government agency", "ministry", "agency"}
)

var descriptions = map[string]description{
	"minister":     {class: personClass, roles: []string{"minister"}},
	"president":    {class: personClass, roles: []string{"president"}},
	"premier":      {class: personClass, roles: []string{"premier", "prime minister"}},
	"chancellor":   {class: personClass, roles: []string{"chancellor"}},
	"king":         {class: personClass, roles: []string{"king"}},
	"queen":        {class: personClass, roles: []string{"queen"}},
	"pope":         {class: personClass, roles: []string{"pope"}},
	"spokesman":    {class: personClass, roles: []string{"spokes"}},
	"spokeswoman":  {class: personClass, roles: []string{"spokes"}},
	"spokesperson": {class: personClass, roles: []string{"spokes"}},
	"secretary":    {class: personClass, roles: []string{"secretary"}},
	"ambassador":   {class: personClass, roles: []string{"ambassador"}},
	"envoy":        {class: personClass, roles: []string{"envoy", "ambassador"}},
	"general":      {class: personClass, roles: []string{"general", "chief of staff", "commander"}},
	"commander":    {class: personClass, roles: []string{"commander", "general"}},
	"ceo":          {class: personClass, roles: []string{"ceo", "chief executive"}},
	"executive":    {class: personClass, roles: []string{"executive", "ceo"}},
	"chairman":     {class: personClass, roles: []string{"chair"}},
	"chairwoman":   {class: personClass, roles: []string{"chair"}},
	"leader":       {class: personClass, roles: []string{"leader", "president", "prime minister", "chancellor", "head"}},
	"senator":      {class: personClass, roles: []string{"senator"}},
	"governor":     {class: personClass, roles: []string{"governor"}},
	"mayor":        {class: personClass, roles: []string{"mayor"}},

	"company":      {class: orgClass, orgTypes: companyTypes},
	"firm":         {class: orgClass, orgTypes: companyTypes},
	"corporation":  {class: orgClass, orgTypes: companyTypes},
	"carrier":      {class: orgClass, orgTypes: companyTypes},
	"airline":      {class: orgClass, orgTypes: companyTypes},
	"manufacturer": {class: orgClass, orgTypes: companyTypes},
	"maker":        {class: orgClass, orgTypes: companyTypes},
	"planemaker":   {class: orgClass, orgTypes: companyTypes},
	"automaker":    {class: orgClass, orgTypes: companyTypes},
	"retailer":     {class: orgClass, orgTypes: companyTypes},
	"bank":         {class: orgClass, orgTypes: companyTypes},
	"lender":       {class: orgClass, orgTypes: companyTypes},
	"insurer":      {class: orgClass, orgTypes: companyTypes},
	"giant":        {class: orgClass, orgTypes: companyTypes},
	"group":        {class: orgClass, orgTypes: append(append([]string{}, armedTypes...), companyTypes...)},
	"militants":    {class: orgClass, orgTypes: armedTypes, number: plural},
	"rebels":       {class: orgClass, orgTypes: armedTypes, number: plural},
	"insurgents":   {class: orgClass, orgTypes: armedTypes, number: plural},
	"jihadists":    {class: orgClass, orgTypes: armedTypes, number: plural},
	"extremists":   {class: orgClass, orgTypes: armedTypes, number: plural},
	"militia":      {class: orgClass, orgTypes: armedTypes},
	"movement":     {class: orgClass, orgTypes: armedTypes},
	"party":        {class: orgClass, orgTypes: []string{"political party"}},
	"alliance":     {class: orgClass, orgTypes: intergovTypes},
	"bloc":         {class: orgClass, orgTypes: intergovTypes},
	"organization": {class: orgClass, orgTypes: append(append([]string{}, intergovTypes...), armedTypes...)},
	"organisation": {class: orgClass, orgTypes: append(append([]string{}, intergovTypes...), armedTypes...)},
	"agency":       {class: orgClass, orgTypes: govTypes},
	"ministry":     {class: orgClass, orgTypes: govTypes},

	"country":  {class: countryClass},
	"nation":   {class: countryClass},
	"kingdom":  {class: countryClass},
	"republic": {class: countryClass},
	"city":     {class: placeClass},
	"capital":  {class: placeClass},
	"town":     {class: placeClass},
}

// descriptionModifiers may stand between "the" and the head noun of a
// description ("the foreign minister", "the Russian president" is left to
// the entities stage's demonyms).
var descriptionModifiers = map[string]bool{
	"foreign": true, "prime": true, "defence": true, "defense": true, "interior": true,
	"finance": true, "former": true, "new": true, "chief": true, "top": true, "deputy": true,
	"vice": true, "executive": true, "senior": true, "islamist": true, "armed": true,
	"jihadist": true, "militant": true, "rebel": true, "terrorist": true, "software": true,
	"aircraft": true, "aerospace": true, "technology": true, "tech": true, "oil": true,
	"energy": true, "car": true, "computer": true, "phone": true, "european": true,
	"american": true, "us": true, "u.s.": true, "budget": true, "low-cost": true,
	"military": true, "western": true, "soviet": true, "secretary": true, "state": true,
}

// honorifics give a person's gender when they precede a mention.
var honorifics = map[string]gender{
	"mr": male, "mr.": male, "sir": male, "lord": male, "king": male, "prince": male,
	"mrs": female, "mrs.": female, "ms": female, "ms.": female, "miss": female,
	"madam": female, "dame": female, "lady": female, "queen": female, "princess": female,
}

// typeClass reports whether an entity type fits a class.
func typeClass(typ string, c class, n number) bool {
	switch c {
	case personClass:
		return typ == pipeline.Person
	case groupClass:
		if n == plural {
			return typ == pipeline.Organization || typ == pipeline.NORP
		}
		return typ == pipeline.Organization || typ == pipeline.Country
	case orgClass:
		return typ == pipeline.Organization || typ == pipeline.NORP
	case countryClass:
		return typ == pipeline.Country
	case placeClass:
		return typ == pipeline.Location
	}
	return false
}

// personNouns are common nouns for people: a subject like "the spokesman"
// is what a later "he" in its sentence means, not a name before it.
var personNouns = map[string]struct{}{
	"man": {}, "woman": {}, "official": {}, "officer": {}, "spokesman": {}, "spokeswoman": {},
	"source": {}, "analyst": {}, "lawyer": {}, "judge": {}, "director": {}, "head": {},
	"soldier": {}, "driver": {}, "pilot": {}, "witness": {}, "suspect": {}, "victim": {},
	"father": {}, "mother": {}, "son": {}, "daughter": {}, "husband": {}, "wife": {},
	"author": {}, "reporter": {}, "doctor": {}, "student": {}, "teacher": {}, "boy": {},
	"girl": {}, "founder": {}, "owner": {}, "employee": {}, "worker": {}, "player": {},
	"coach": {}, "candidate": {}, "activist": {}, "diplomat": {}, "prosecutor": {},
}
