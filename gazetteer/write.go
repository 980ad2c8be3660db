package gazetteer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// MarshalYAML writes an alias of form "alias" as a plain string and others
// as {text, form}, the shapes Load reads.
func (a Alias) MarshalYAML() (any, error) {
	if a.Form == FormAlias || a.Form == "" {
		return a.Text, nil
	}
	type plain Alias
	return plain(a), nil
}

// WriteYAML writes entries in the user-file YAML format that Load reads
// (see docs/gazetteer.md), preceded by a comment header.
func WriteYAML(w io.Writer, header string, entries []*Entry) error {
	if header != "" {
		if _, err := fmt.Fprintf(w, "# %s\n", header); err != nil {
			return err
		}
	}
	// One entry at a time: the concatenated one-item lists form one list,
	// and memory stays flat however many entries there are.
	bw := bufio.NewWriterSize(w, 64*1024)
	for _, e := range entries {
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode([]*Entry{e}); err != nil {
			return fmt.Errorf("gazetteer: write yaml: %s: %w", e.ID, err)
		}
		enc.Close()
		if _, err := bw.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("gazetteer: write yaml: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gazetteer: write yaml: %w", err)
	}
	return nil
}
