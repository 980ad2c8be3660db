package gazetteer

// check.go: values an entry may not hold (a role dated 2030-13-45, a
// one-letter alias), and YAML decoding errors in the words of the file
// format rather than of Go's types.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// checkRole reports a role whose dates are not dates (YYYY-MM-DD, YYYY-MM
// or YYYY) or end before they begin, or that has no title.
func checkRole(r Role) error {
	if strings.TrimSpace(r.Title) == "" {
		return fmt.Errorf("a role (of %q) has no title", r.Of)
	}
	for _, d := range []struct{ name, v string }{{"from", r.From}, {"to", r.To}} {
		if d.v != "" && !isRoleDate(d.v) {
			return fmt.Errorf("role %q: %s %q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", r.Title, d.name, d.v)
		}
	}
	if r.From != "" && r.To != "" && cmpDate(r.To, r.From) < 0 {
		return fmt.Errorf("role %q ends (%s) before it begins (%s)", r.Title, r.To, r.From)
	}
	return nil
}

// isRoleDate reports whether s is a real calendar date, month or year.
func isRoleDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}

// checkName reports a name or alias too short to be told from an
// ordinary word: one letter ("a") would be found all over every text.
func checkName(what, text string) error {
	t := strings.TrimSpace(text)
	if t == "" {
		return fmt.Errorf("%s is empty", what)
	}
	if n := utf8.RuneCountInString(t); n < 2 && !isIdeograph(t) {
		return fmt.Errorf("%s %q is a single character: it would match the word or letter everywhere (give at least two characters)", what, text)
	}
	return nil
}

// isIdeograph reports whether s is one Han, Hiragana, Katakana or Hangul
// character: a whole word in those scripts.
func isIdeograph(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// fileFields are the keys of an entry in a YAML file.
var fileFields = "id, kind, type, name, aliases, acronyms, demonyms, metonyms, surnames, country, org_type, roles, members, capital_of, replace, remove"

var (
	unknownFieldRE = regexp.MustCompile(`field (\S+) not found in type gazetteer\.(\w+)`)
	cannotRE       = regexp.MustCompile("cannot unmarshal !!(\\w+) `(.*)` into (\\S+)")
)

// yamlError says what is wrong with a YAML gazetteer file in the file
// format's words: `line 3: unknown key "nmae" in an entry (known: id,
// kind, ...)`, not `field nmae not found in type gazetteer.fileEntry`.
// One line per problem.
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("gazetteer: %s is not valid YAML: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	out := make([]error, 0, len(te.Errors))
	for _, msg := range te.Errors {
		out = append(out, fmt.Errorf("gazetteer: %s: %s", name, yamlMessage(msg)))
	}
	return errors.Join(out...)
}

// yamlMessage rewrites one of yaml.v3's type errors.
func yamlMessage(msg string) string {
	if m := unknownFieldRE.FindStringSubmatch(msg); m != nil {
		where, known := "an entry", fileFields
		switch m[2] {
		case "Role":
			where, known = "a role", "title, of, from, to"
		case "plain", "Alias":
			where, known = "an alias", "text, form"
		}
		return unknownFieldRE.ReplaceAllLiteralString(msg, fmt.Sprintf("unknown key %q in %s (known: %s)", m[1], where, known))
	}
	if m := cannotRE.FindStringSubmatch(msg); m != nil {
		return cannotRE.ReplaceAllLiteralString(msg, fmt.Sprintf("%s %q where %s is expected", yamlKind(m[1]), m[2], goTypeWords(m[3])))
	}
	return msg
}

// yamlKind names a YAML tag for a user.
func yamlKind(tag string) string {
	switch tag {
	case "str":
		return "the text"
	case "int", "float":
		return "the number"
	case "bool":
		return "the boolean"
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	}
	return "the value"
}

// goTypeWords names a Go type of the file format for a user.
func goTypeWords(t string) string {
	switch {
	case strings.HasPrefix(t, "[]gazetteer.fileEntry"):
		return "a list of entries"
	case t == "gazetteer.fileEntry":
		return "an entry (a mapping with id, name, ...)"
	case strings.HasPrefix(t, "[]gazetteer.Role"):
		return "a list of roles"
	case t == "gazetteer.Role":
		return "a role (a mapping with title, of, from, to)"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case t == "bool":
		return "true or false"
	case t == "string":
		return "text"
	}
	return "another kind of value"
}
