package extract_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// scalingText returns about n bytes of news-like prose: the reference
// article's paragraphs in a shuffled order, interleaved with sentences
// about people, organizations and places the gazetteer does not know, so
// that the number of distinct names grows with the document as it does in
// a real corpus.
func scalingText(t testing.TB, n int) string {
	t.Helper()
	src, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(src), "\n\n") {
		if p = strings.TrimSpace(p); len(p) > 80 && !strings.HasPrefix(p, "#") {
			paras = append(paras, p)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ka", "lo", "mir", "van", "tes", "sa", "dor", "el", "bri", "nu", "ko", "ra", "sti", "fen", "gal", "ov", "ish", "ta"}
	name := func() string {
		var b strings.Builder
		for k := 2 + r.IntN(2); k > 0; k-- {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	months := []string{"January", "March", "June", "October", "December"}
	var b strings.Builder
	for b.Len() < n {
		switch r.IntN(3) {
		case 0:
			b.WriteString(paras[r.IntN(len(paras))])
		case 1:
			fmt.Fprintf(&b, "%s %s, the head of the %s Institute, met %s %s in %s on %d %s and said the %s agreement would be signed.",
				name(), name(), name(), name(), name(), name(), 1+r.IntN(28), months[r.IntN(len(months))], name())
		default:
			fmt.Fprintf(&b, "On Monday %s told reporters that the %s Council (%s) had accused %s of attacking %s, and %s denied it.",
				name(), name(), "C"+strings.ToUpper(name()[:2]), name(), name(), name())
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestStagesScaleLinearly checks that each stage of the default pipeline
// takes about four times as long on a document four times as large: a
// stage that compares every mention with every other (quadratic) takes
// sixteen times as long.
func TestStagesScaleLinearly(t *testing.T) {
	if testing.Short() || testutil.Race {
		t.Skip("scaling test runs the pipeline on documents up to 512 KB; skipped with -short or -race")
	}
	stages := pipetest.Stages(t, nil, nil)
	// before[n][k] is the document of size n as stage k receives it.
	before := map[int][][]byte{}
	snapshots := func(n int) [][]byte {
		if s, ok := before[n]; ok {
			return s
		}
		d := &pipeline.Document{ID: "scaling", Source: "scaling.txt", Original: []byte(scalingText(t, n)), Published: "2016-12-20"}
		var s [][]byte
		for _, st := range stages {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			s = append(s, b)
			if err := st.Process(context.Background(), d); err != nil {
				t.Fatalf("%s: %v", st.Name(), err)
			}
		}
		for _, e := range d.Errors {
			t.Fatalf("stage %s: %s", e.Stage, e.Message)
		}
		before[n] = s
		return s
	}
	for k, st := range stages {
		testutil.Linear(t, "stage "+st.Name(), 128<<10, 8, func(n int) func() {
			var d pipeline.Document
			if err := json.Unmarshal(snapshots(n)[k], &d); err != nil {
				t.Fatal(err)
			}
			return func() {
				if err := st.Process(context.Background(), &d); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
