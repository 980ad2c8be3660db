package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Export formats.
const (
	FormatDOT     = "dot"
	FormatJSON    = "json"
	FormatGraphML = "graphml"
	FormatGEXF    = "gexf"
	FormatCSV     = "csv"
	FormatSVG     = "svg"
	FormatPNG     = "png"
)

// Formats lists the export formats.
var Formats = []string{FormatDOT, FormatJSON, FormatGraphML, FormatGEXF, FormatCSV, FormatSVG, FormatPNG}

// FormatFor returns the format chosen by the explicit name (when not empty)
// or else by the extension of path: .dot/.gv, .json, .graphml, .gexf, .csv,
// .svg, .png.
func FormatFor(path, explicit string) (string, error) {
	if explicit != "" {
		f := strings.ToLower(explicit)
		if f == "gv" {
			f = FormatDOT
		}
		for _, k := range Formats {
			if f == k {
				return f, nil
			}
		}
		return "", fmt.Errorf("graph: unknown format %q (known: %s)", explicit, strings.Join(Formats, ", "))
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch ext {
	case "gv":
		return FormatDOT, nil
	case "xml":
		return FormatGraphML, nil
	}
	for _, k := range Formats {
		if ext == k {
			return k, nil
		}
	}
	if path == "-" || path == "" {
		return FormatDOT, nil
	}
	return "", fmt.Errorf("graph: cannot tell the format of %q from its extension; use --format (%s)", path, strings.Join(Formats, ", "))
}

// CSVPaths returns the two files written for the csv format next to path:
// seed.csv gives seed.nodes.csv and seed.relationships.csv.
func CSVPaths(path string) (nodes, rels string) {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	return stem + ".nodes.csv", stem + ".relationships.csv"
}

// ErrNoGraphviz is returned (wrapped) when rendering needs Graphviz's dot
// and it is not on PATH.
var ErrNoGraphviz = errors.New("graphviz dot not found on PATH")

// Write writes g in format to w. The csv format needs two files: use
// Export. svg and png run Graphviz's dot.
func Write(ctx context.Context, w io.Writer, g *Graph, format string, opts DOTOptions) error {
	switch format {
	case FormatDOT:
		return WriteDOT(w, g, opts)
	case FormatJSON:
		return WriteJSON(w, g)
	case FormatGraphML:
		return WriteGraphML(w, g)
	case FormatGEXF:
		return WriteGEXF(w, g)
	case FormatSVG, FormatPNG:
		return Render(ctx, w, g, format, opts)
	case FormatCSV:
		return fmt.Errorf("graph: the csv format writes two files (nodes and relationships); give an output file, not a stream")
	}
	return fmt.Errorf("graph: unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// Export writes g to path ("-" for standard output) in format and returns
// the files written. The csv format writes CSVPaths(path).
func Export(ctx context.Context, path string, g *Graph, format string, opts DOTOptions) ([]string, error) {
	if format == FormatCSV {
		if path == "-" || path == "" {
			return nil, Write(ctx, nil, g, format, opts)
		}
		np, rp := CSVPaths(path)
		var nb, rb bytes.Buffer
		if err := WriteNeo4jCSV(&nb, &rb, g); err != nil {
			return nil, err
		}
		if err := os.WriteFile(np, nb.Bytes(), 0o644); err != nil {
			return nil, fmt.Errorf("graph: writing %s: %w", np, err)
		}
		if err := os.WriteFile(rp, rb.Bytes(), 0o644); err != nil {
			return nil, fmt.Errorf("graph: writing %s: %w", rp, err)
		}
		return []string{np, rp}, nil
	}
	var buf bytes.Buffer
	if err := Write(ctx, &buf, g, format, opts); err != nil {
		return nil, err
	}
	if path == "-" || path == "" {
		_, err := os.Stdout.Write(buf.Bytes())
		return nil, err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return nil, fmt.Errorf("graph: writing %s: %w", path, err)
	}
	return []string{path}, nil
}

// CheckRender returns the error Render would give for a missing Graphviz,
// so that a command can fail before processing a corpus; nil for formats
// that need no Graphviz.
func CheckRender(format string) error {
	if format != FormatSVG && format != FormatPNG {
		return nil
	}
	if _, err := exec.LookPath("dot"); err != nil {
		return noGraphviz(format)
	}
	return nil
}

func noGraphviz(format string) error {
	return fmt.Errorf("graph: rendering %s needs Graphviz (install the graphviz package, or write a .dot file and render it elsewhere): %w", format, ErrNoGraphviz)
}

// Render draws g with Graphviz's dot into w as svg or png. It returns an
// error wrapping ErrNoGraphviz, saying how to proceed, when dot is not
// installed.
func Render(ctx context.Context, w io.Writer, g *Graph, format string, opts DOTOptions) error {
	if format != FormatSVG && format != FormatPNG {
		return fmt.Errorf("graph: cannot render %q (svg or png)", format)
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		return noGraphviz(format)
	}
	var src bytes.Buffer
	if err := WriteDOT(&src, g, opts); err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, dot, "-T"+format)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = &src, w, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("graph: graphviz dot -T%s failed: %w: %s", format, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
