package graph

import (
	"encoding/xml"
	"fmt"
	"io"
)

// writeXML writes doc as an indented XML document with its header and a
// final newline; format names the document in the error ("GEXF").
func writeXML(w io.Writer, doc any, format string) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graph: writing %s: %w", format, err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
