package graph

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Neo4jArrayDelimiter separates the values of array columns (aliases,
// evidence_docs), neo4j-admin import's default.
const Neo4jArrayDelimiter = ";"

// WriteNeo4jCSV writes g in the layout of `neo4j-admin database import`:
// nodes as id:ID,name,:LABEL,... (labels Entity or Event plus the type in
// title case, e.g. Entity;Country) and relationships as
// :START_ID,:END_ID,:TYPE,... (type in upper case, e.g. HOLDS_ROLE), one row
// per typed tie. Neo4j relationships are directed; symmetric ties are
// written once with directed=false. Values are single-line (evidence
// sentences joined by " | "), so no --multiline-fields is needed.
func WriteNeo4jCSV(nodes, rels io.Writer, g *Graph) error {
	nw := csv.NewWriter(nodes)
	nw.Write([]string{"id:ID", "name", ":LABEL", "type", "aliases:string[]", "docs:int", "mentions:int", "linked:boolean", "date", "cameo"})
	for _, n := range g.Nodes() {
		aliases := make([]string, len(n.Aliases))
		for i, a := range n.Aliases {
			aliases[i] = arrayItem(a)
		}
		kind := "Entity"
		if n.Kind == KindEvent {
			kind = "Event"
		}
		labels := kind
		if l := neo4jLabel(n.Type); l != "" && l != kind {
			labels += Neo4jArrayDelimiter + l
		}
		nw.Write([]string{clean(n.ID), clean(n.Name), labels, clean(n.Type), strings.Join(aliases, Neo4jArrayDelimiter),
			strconv.Itoa(n.Docs), strconv.Itoa(n.Mentions), strconv.FormatBool(n.Linked), n.Date, clean(n.CAMEO)})
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return fmt.Errorf("graph: writing Neo4j nodes CSV: %w", err)
	}

	rw := csv.NewWriter(rels)
	rw.Write([]string{":START_ID", ":END_ID", ":TYPE", "label", "weight:int", "docs:int", "first_seen", "last_seen",
		"directed:boolean", "evidence", "evidence_docs:string[]", "evidence_omitted:int"})
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			sents := make([]string, len(t.Evidence))
			for i, ev := range t.Evidence {
				sents[i] = clean(ev.Sentence)
			}
			docs := strings.Split(evidenceDocs(t), "; ")
			for i := range docs {
				docs[i] = arrayItem(docs[i])
			}
			rw.Write([]string{clean(e.Source), clean(e.Target), neo4jType(t.Type), clean(t.Label()),
				strconv.Itoa(t.Weight), strconv.Itoa(t.Docs), t.FirstSeen, t.LastSeen, strconv.FormatBool(t.Directed),
				strings.Join(sents, " | "), strings.Join(docs, Neo4jArrayDelimiter), strconv.Itoa(t.EvidenceOmitted())})
		}
	}
	rw.Flush()
	if err := rw.Error(); err != nil {
		return fmt.Errorf("graph: writing Neo4j relationships CSV: %w", err)
	}
	return nil
}

// clean makes a value single-line.
func clean(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// arrayItem keeps the array delimiter out of an array value.
func arrayItem(s string) string { return strings.ReplaceAll(clean(s), Neo4jArrayDelimiter, ",") }

// neo4jLabel turns an entity type into a label: COUNTRY -> Country,
// "armed group" -> ArmedGroup.
func neo4jLabel(typ string) string {
	var b strings.Builder
	up := true
	for _, r := range strings.ToLower(typ) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// neo4jType turns a relation type into a relationship type: holds_role ->
// HOLDS_ROLE.
func neo4jType(t string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return '_'
	}, t)
}
