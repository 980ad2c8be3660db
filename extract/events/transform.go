package events

import (
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
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

// side is one side of an event: entity id and actor code.
type side struct{ id, code string }

func (s side) empty() bool { return s.id == "" && s.code == "" }

// same reports whether two sides are one actor: the same entity, or, both
// without one, the same code.
func (s side) same(o side) bool {
	if s.id != "" || o.id != "" {
		return s.id == o.id
	}
	return s.code != "" && s.code == o.code
}

// applyTransforms rewrites events by the lexicon's transformations (see
// TransformSpec): an event of the outer kind by a whose sentence holds an
// event of the inner kind matching the rule becomes the rule's event, and
// the inner event goes ("Freedonia said Freedonian troops would attack
// Sylvania": a (a b ATTACK) SAY = a b 138, a threat).
func (x *docView) applyTransforms(evs []pipeline.Event) []pipeline.Event {
	if len(x.lx.trans) == 0 || len(evs) < 2 {
		return evs
	}
	drop := make([]bool, len(evs))
	changed := false
	for i := range evs {
		o := &evs[i]
		for _, tr := range x.lx.trans {
			if drop[i] || o.Kind != tr.outer {
				continue
			}
			if j, s, t, code, ok := matchTransform(tr, evs, i, drop); ok {
				o.Source, o.SourceCode, o.Target, o.TargetCode = s.id, s.code, t.id, t.code
				o.CAMEO, o.QuadClass = code, QuadClass(code)
				parts := o.Participants[:0:0]
				for _, p := range o.Participants {
					if p.Entity != s.id && p.Entity != t.id {
						parts = append(parts, p)
					}
				}
				if s.id != "" {
					parts = append(parts, pipeline.Participant{Entity: s.id, Role: Actor})
				}
				if t.id != "" {
					parts = append(parts, pipeline.Participant{Entity: t.id, Role: Target})
				}
				o.Participants = parts
				drop[j], changed = true, true
				break
			}
		}
	}
	if !changed {
		return evs
	}
	out := evs[:0]
	for i, e := range evs {
		if !drop[i] {
			e.ID = fmt.Sprintf("e%d", len(out)+1)
			out = append(out, e)
		}
	}
	return out
}

// matchTransform finds the inner event of rule tr for the outer event
// evs[i] and returns it with the resulting sides and code.
func matchTransform(tr transform, evs []pipeline.Event, i int, drop []bool) (int, side, side, string, bool) {
	o := evs[i]
	a := side{o.Source, o.SourceCode}
	if a.empty() {
		return 0, side{}, side{}, "", false
	}
	for j, in := range evs {
		if j == i || drop[j] || in.Kind != tr.inner || in.Evidence != o.Evidence {
			continue
		}
		var b side
		is, it := side{in.Source, in.SourceCode}, side{in.Target, in.TargetCode}
		switch tr.innerSrc {
		case "a":
			if !a.same(is) {
				continue
			}
		case "b":
			if is.empty() || a.same(is) {
				continue
			}
			b = is
		}
		switch tr.innerTgt {
		case "a":
			if !a.same(it) {
				continue
			}
		case "b":
			if it.empty() {
				continue
			}
			b = it
		}
		pick := func(l string) side {
			switch l {
			case "a":
				return a
			case "b":
				return b
			}
			return side{}
		}
		code := tr.code
		if code == "Q" {
			code = in.CAMEO
		}
		return j, pick(tr.resSrc), pick(tr.resTgt), code, true
	}
	return 0, side{}, side{}, "", false
}
