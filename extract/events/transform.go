package events

import (
	"fmt"
	"strings"
)

// transform is a compiled PETRARCH transformation (see TransformSpec):
// outer event by a, of class outer, whose reported clause holds an event
// of class inner by innerSrc on innerTgt, becomes one event resSrc ->
// resTgt with code (or the inner event's code when code is "Q").
type transform struct {
	outerSrc           string
	innerSrc, innerTgt string // "a", "b", "." (any other) or "_" (any)
	inner, outer       string // kind names, lower case
	resSrc, resTgt     string
	code               string
	rule               string
}

// parseTransform reads "a (a b ATTACK) SAY = a b 015".
func parseTransform(rule string) (transform, error) {
	r := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rule), "~"))
	lhs, rhs, ok := strings.Cut(r, "=")
	bad := func(why string) (transform, error) {
		return transform{}, fmt.Errorf("transformation %q: %s (want \"a (a b INNER) OUTER = a b CODE\")", rule, why)
	}
	if !ok {
		return bad("no \"=\"")
	}
	open, closing := strings.IndexByte(lhs, '('), strings.IndexByte(lhs, ')')
	if open < 0 || closing < open {
		return bad("no \"( )\"")
	}
	head := strings.Fields(lhs[:open])
	in := strings.Fields(lhs[open+1 : closing])
	tail := strings.Fields(lhs[closing+1:])
	res := strings.Fields(rhs)
	if len(head) != 1 || len(in) != 3 || len(tail) != 1 || len(res) != 3 {
		return bad("wrong number of parts")
	}
	t := transform{outerSrc: head[0], innerSrc: in[0], innerTgt: in[1], inner: strings.ToLower(in[2]),
		outer: strings.ToLower(tail[0]), resSrc: res[0], resTgt: res[1], code: res[2], rule: r}
	for _, v := range []string{t.outerSrc, t.innerSrc, t.innerTgt, t.resSrc, t.resTgt} {
		switch v {
		case "a", "b", ".", "_":
		default:
			return bad(fmt.Sprintf("%q is not a, b, . or _", v))
		}
	}
	if t.code != "Q" && !validUserCode(t.code) {
		return bad(fmt.Sprintf("code %q", t.code))
	}
	return t, nil
}
