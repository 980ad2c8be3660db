package nermodel

import "strings"

// Labels is the tag set, in model order: O, then B-, I-, L- and U- (begin,
// inside, last, unit) for each of PER, LOC, ORG and MISC. The model decodes
// BILOU; Model.Labels reports the equivalent BIO tags.
var Labels = []string{
	"O",
	"B-PER", "I-PER", "L-PER", "U-PER",
	"B-LOC", "I-LOC", "L-LOC", "U-LOC",
	"B-ORG", "I-ORG", "L-ORG", "U-ORG",
	"B-MISC", "I-MISC", "L-MISC", "U-MISC",
}

// numLabels is len(Labels).
const numLabels = 17

// entityTypes are the model's types, in label order.
var entityTypes = [...]string{"PER", "LOC", "ORG", "MISC"}

// Positions of a label in its entity (label k > 0 has position (k-1)%4).
const (
	posB = iota
	posI
	posL
	posU
)

// labelKind is 0 for O, else 1 + the entity type's position in entityTypes
// (PER, LOC, ORG, MISC), ignoring the position in the entity.
func labelKind(k int) int {
	if k <= 0 {
		return 0
	}
	return 1 + (k-1)/4
}

// labelPos is the position (posB, posI, posL, posU) of label k > 0.
func labelPos(k int) int { return (k - 1) % 4 }

// labelOf returns the label of kind (1..4) at position pos.
func labelOf(kind, pos int) int { return 1 + 4*(kind-1) + pos }

// isOpen reports whether label k leaves an entity open (B- or I-): the next
// label must then be I- or L- of the same type.
func isOpen(k int) bool { return k > 0 && (labelPos(k) == posB || labelPos(k) == posI) }

// allowed reports whether label k may follow label prev (-1 = the start of
// a sequence): I- and L- continue a B- or I- of their type, and every
// other label follows a closed one.
func allowed(prev, k int) bool {
	if k > 0 && (labelPos(k) == posI || labelPos(k) == posL) {
		return isOpen(prev) && labelKind(prev) == labelKind(k)
	}
	return !isOpen(prev)
}

// bioOf returns the BIO tag of BILOU label k: B- for B and U, I- for I
// and L.
func bioOf(k int) string {
	if k <= 0 {
		return "O"
	}
	t := entityTypes[labelKind(k)-1]
	if p := labelPos(k); p == posB || p == posU {
		return "B-" + t
	}
	return "I-" + t
}

// parseGold reads a gold label, BIO ("B-PER", "I-PER", "O") or BILOU, as
// its kind (0 for O) and whether it begins an entity (B- or U-) or may
// continue one (I- or L-; BIO's I- begins one when it follows another type).
func parseGold(l string) (kind int, begins bool, ok bool) {
	if l == "O" {
		return 0, false, true
	}
	p, t, found := strings.Cut(l, "-")
	if !found || len(p) != 1 {
		return 0, false, false
	}
	for i, x := range entityTypes {
		if x == t {
			kind = i + 1
		}
	}
	if kind == 0 {
		return 0, false, false
	}
	switch p {
	case "B", "U":
		return kind, true, true
	case "I", "L":
		return kind, false, true
	}
	return 0, false, false
}

// bilou converts gold labels to BILOU label indexes within each segment: an
// entity is a B- (or U-) label or an I- after a label of another type,
// followed by the I- (or L-) labels of its type; a segment boundary ends it.
// It returns the index of the first bad label, or -1.
func bilou(labels []string, segs []segment, out []int) int {
	kinds := make([]int, len(labels))
	begins := make([]bool, len(labels))
	for i, l := range labels {
		k, b, ok := parseGold(l)
		if !ok {
			return i
		}
		kinds[i], begins[i] = k, b
	}
	for _, sg := range segs {
		for i := sg.start; i < sg.end; i++ {
			k := kinds[i]
			if k == 0 {
				out[i] = 0
				continue
			}
			first := begins[i] || i == sg.start || kinds[i-1] != k
			last := i+1 == sg.end || kinds[i+1] != k || begins[i+1]
			switch {
			case first && last:
				out[i] = labelOf(k, posU)
			case first:
				out[i] = labelOf(k, posB)
			case last:
				out[i] = labelOf(k, posL)
			default:
				out[i] = labelOf(k, posI)
			}
		}
	}
	return -1
}
