package events

import (
	"bufio"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/coref"
	"github.com/entente-nlp/entente/extract/parse"
	"github.com/entente-nlp/entente/pipeline"
)

// runParse parses d as the pipeline's parse stage does by default.
func runParse(t *testing.T, d *pipeline.Document) {
	t.Helper()
	p, err := parse.New(nil, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// runCoref parses d (as the pipeline's parse stage would) and runs the
// coref stage over it.
func runCoref(t *testing.T, d *pipeline.Document) {
	t.Helper()
	p, err := parse.New(nil, parse.Options{MaxSentences: -1})
	if err != nil {
		t.Fatal(err)
	}
	c, err := coref.New(coref.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []pipeline.Stage{p, c} {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if len(d.Coreferences) == 0 {
		t.Fatalf("coref resolved nothing in %q", d.Text)
	}
}

// dyadKeys names the test entities of testdata/dyads.tsv.
var dyadKeys = map[string]string{
	"RU": russia.id, "TR": turkey.id, "IR": iran.id, "SY": syria.id, "US": us.id, "KZ": kazakhstan.id,
	"NATO": nato.id, "IS": isis.id, "PUTIN": putin.id, "LAVROV": lavrov.id, "KARLOV": karlov.id,
	"NAZ": nazarbayev.id, "ERDOGAN": erdogan.id,
}

func TestDyads(t *testing.T) {
	f, err := os.Open("testdata/dyads.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("testdata/dyads.tsv: %q: want sentence, kind, dyads", line)
		}
		n++
		text, kind := cols[0], cols[1]
		var want []string
		for _, p := range strings.Split(cols[2], ";") {
			s, tg, _ := strings.Cut(p, ">")
			want = append(want, dyadKeys[s]+">"+dyadKeys[tg])
		}
		slices.Sort(want)
		negated := len(cols) > 3 && cols[3] == "negated"
		withCoref := len(cols) > 3 && cols[3] == "coref"
		t.Run(text+"/"+kind, func(t *testing.T) {
			d := buildDoc(t, text, allEnts, allDates)
			if withCoref {
				runCoref(t, d)
			} else {
				runParse(t, d)
			}
			evs := runEvents(t, d)
			var got []string
			for _, e := range evs {
				if e.Kind != kind {
					continue
				}
				got = append(got, e.Source+">"+e.Target)
				if e.Negated != negated {
					t.Errorf("negated %v, want %v: %s", e.Negated, negated, describe(d, e))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				for _, e := range evs {
					t.Log(describe(d, e))
				}
				t.Errorf("dyads %v, want %v", got, want)
			}
		})
	}
	if n < 20 {
		t.Fatalf("testdata/dyads.tsv holds %d cases", n)
	}
}

// TestParseOnDemand checks the options: with parse "triggers" an unparsed
// sentence is parsed for its dyads; by default ("existing") it is not, and
// word order decides.
func TestParseOnDemand(t *testing.T) {
	const text = "Iran criticized Turkey, which attacked Syria."
	attackSource := func(o Options) string {
		t.Helper()
		d := buildDoc(t, text, allEnts, allDates)
		s, err := New(o)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if e.Kind == "attack" {
				return e.Source
			}
		}
		return "none"
	}
	if got := attackSource(Options{Parse: ParseTriggers}); got != turkey.id {
		t.Errorf("parse triggers: attack source %q, want %q", got, turkey.id)
	}
	if got := attackSource(Options{}); got == turkey.id {
		t.Errorf("parse existing (default): attack source %q, want word order without a tree", got)
	}
	if _, err := New(Options{Parse: "sometimes"}); err == nil {
		t.Error("parse \"sometimes\" accepted")
	}
}
