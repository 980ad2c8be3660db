package graph

import (
	"strconv"
	"strings"
)

// attrDef declares one typed attribute written to GraphML and GEXF.
type attrDef struct {
	Name string
	// Type is the GraphML type: string, int, boolean, double.
	Type string
}

var nodeAttrs = []attrDef{
	{"label", "string"}, {"kind", "string"}, {"type", "string"}, {"aliases", "string"},
	{"docs", "int"}, {"mentions", "int"}, {"linked", "boolean"}, {"date", "string"}, {"cameo", "string"},
}

func nodeValues(n *Node) []string {
	return []string{n.Name, n.Kind, n.Type, strings.Join(n.Aliases, "; "),
		strconv.Itoa(n.Docs), strconv.Itoa(n.Mentions), strconv.FormatBool(n.Linked), n.Date, n.CAMEO}
}

var edgeAttrs = []attrDef{
	{"relation", "string"}, {"label", "string"}, {"weight", "int"}, {"docs", "int"},
	{"first_seen", "string"}, {"last_seen", "string"}, {"directed", "boolean"},
	{"evidence", "string"}, {"evidence_docs", "string"}, {"evidence_omitted", "int"},
}

func edgeValues(t *Tie) []string {
	return []string{t.Type, t.Label(), strconv.Itoa(t.Weight), strconv.Itoa(t.Docs),
		t.FirstSeen, t.LastSeen, strconv.FormatBool(t.Directed),
		evidenceText(t), evidenceDocs(t), strconv.Itoa(t.EvidenceOmitted())}
}

// evidenceText joins the stored evidence sentences, one per line, each
// prefixed by its document id.
func evidenceText(t *Tie) string {
	parts := make([]string, len(t.Evidence))
	for i, ev := range t.Evidence {
		parts[i] = "[" + ev.Doc + "] " + ev.Sentence
	}
	return strings.Join(parts, "\n")
}

func evidenceDocs(t *Tie) string {
	var docs []string
	seen := map[string]bool{}
	for _, ev := range t.Evidence {
		if !seen[ev.Doc] {
			seen[ev.Doc] = true
			docs = append(docs, ev.Doc)
		}
	}
	return strings.Join(docs, "; ")
}
