package entities

// Word lists used by the chunk rules. Keys are lower case.

// titleCore are the words that make a leading phrase a title or rank: a name
// after one of them is a person.
var titleCore = set(
	"president", "president-elect", "vice-president", "minister", "premier", "chancellor",
	"secretary", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
	"general", "gen.", "gen", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.",
	"captain", "capt.", "commander", "marshal", "sergeant", "sgt.", "brigadier",
	"king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "ayatollah",
	"senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "governor", "gov.",
	"mayor", "judge", "justice", "chairman", "chairwoman", "chief", "director", "speaker",
	"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "professor", "sir", "lord", "lady", "dame",
	"rabbi", "imam", "mufti", "bishop", "archbishop", "cardinal", "reverend", "rev.",
	"leader", "head", "commissioner", "attorney", "ceo", "coach",
)

// titleModifier are words that may precede or join core title words
// ("Foreign Minister", "Prime Minister", "Deputy Defense Minister").
var titleModifier = set(
	"foreign", "prime", "deputy", "vice", "defense", "defence", "interior", "finance",
	"economy", "energy", "trade", "health", "education", "justice", "agriculture",
	"state", "first", "former", "acting", "supreme", "grand", "crown", "chief", "executive",
	"general", "attorney", "army", "staff", "of", "the", "for", "affairs", "national", "security",
)

// orgHeads end organization names ("Strategic Culture Foundation") or head
// them before "of"/"for" ("Ministry of Defence", "Centre for Research on
// Globalization").
var orgHeads = set(
	"organization", "organisation", "foundation", "group", "council", "front", "party",
	"ministry", "agency", "inc", "inc.", "corp", "corp.", "corporation", "company", "co.",
	"ltd", "ltd.", "llc", "plc", "gmbh", "ag", "sa", "bank", "university", "institute",
	"institution", "centre", "center", "committee", "commission", "association", "union",
	"league", "federation", "department", "office", "court", "army", "forces", "navy",
	"brigade", "brigades", "movement", "alliance", "coalition", "network", "society",
	"fund", "trust", "board", "bureau", "authority", "service", "services", "assembly",
	"parliament", "congress", "senate", "club", "academy", "college", "school", "times",
	"post", "news", "press", "agency", "tribune", "herald", "journal", "airlines", "airways",
	"group", "holdings", "industries", "systems", "technologies", "labs", "media", "staff",
	"secretariat", "directorate", "guard", "police", "cabinet", "force", "command", "corps",
	"fleet", "division", "regiment", "battalion", "squadron", "ltd", "limited", "airline",
	"exchange", "reserve", "laboratory", "laboratories", "hospital", "church", "team",
)

// orgFirstWords open Arabic-language organization names ("Jabhat
// al-Nusra", "Jaysh al-Islam", "Harakat Ahrar al-Sham").
var orgFirstWords = set("jabhat", "jabhet", "harakat", "harakat", "hizb", "hezb", "jaysh", "jaish",
	"jeish", "liwa", "ansar", "tahrir", "hayat", "hay'at", "tanzim", "kataib", "kata'ib", "saraya", "asaib")

// miscHeads end names of things that are not entities of the four types:
// agreements, plans, projects, laws ("Joint Comprehensive Plan of Action",
// "Turkish Stream", "Moscow Declaration"). Such a chunk blocks model labels
// over it and is not output.
var miscHeads = set(
	"plan", "agreement", "treaty", "deal", "act", "accord", "accords", "program", "programme",
	"initiative", "strategy", "project", "declaration", "convention", "protocol", "resolution",
	"law", "report", "stream", "pipeline", "doctrine", "summit", "talks", "process", "war",
	"award", "prize", "cup", "games", "olympics", "championship", "festival", "index", "day",
)

// nameParticles join the parts of a personal or Arabic name ("Osama bin
// Laden", "Charles de Gaulle", "Jabhat al Nusra").
var nameParticles = set(
	"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "del", "della", "der",
	"den", "van", "von", "la", "le", "ter", "ten", "dos", "das", "y",
)

// orgConnectors join the parts of an organization name when it has an
// organization head ("Islamic State of Iraq and the Levant").
var orgConnectors = set("of", "for", "on", "and", "the", "&", "de", "in")

// placePrepositions mark the next proper noun as a place when nothing else
// types it.
var placePrepositions = set("in", "at", "near", "from", "to", "outside", "across", "into", "toward", "towards")

// calendarWords are capitalized but never entities.
var calendarWords = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday",
)

// notNames are capitalized words that are never an entity by themselves
// (page furniture, sentence openers, pronoun-like words).
var notNames = set(
	"copyright", "region", "report", "in-depth", "disclaimer", "comment", "become", "member",
	"articles", "article", "by", "source", "the", "a", "an", "this", "that", "these", "those",
	"i", "we", "he", "she", "it", "they", "you", "mr", "mrs", "ms", "western", "eastern",
	"northern", "southern", "english", "read", "more", "share", "tweet", "email", "print",
	"related", "advertisement", "photo", "video", "image", "updated", "posted", "breaking",
	"news", "exclusive", "analysis", "opinion", "editorial", "page", "home", "contact",
	// A party member is not a name: "a Virginia Democrat".
	"democrat", "republican",
	// Units, currencies, time zones and job acronyms that models tag as
	// organizations.
	"usd", "eur", "gbp", "jpy", "cny", "chf", "gb", "mb", "kb", "tb", "ghz", "mhz", "km", "kg",
	"utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "ceo", "cfo", "coo", "cto", "gdp",
	"tv", "pc", "am", "pm", "faq", "pdf", "os", "hq",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
