package gazetteer

import (
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
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(entries); err != nil {
		return fmt.Errorf("gazetteer: write yaml: %w", err)
	}
	return enc.Close()
}
