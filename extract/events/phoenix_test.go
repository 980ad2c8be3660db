package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// TestImportSharedPhoenix imports the shared PETRARCH CAMEO verb and
// Phoenix agents dictionaries and compiles them over the built-in lexicon.
func TestImportSharedPhoenix(t *testing.T) {
	dir := testutil.Shared(t, "corpora/phoenix")
	base, err := DefaultLexiconFile()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file                  string
		minKinds, minPatterns int
		minAgents, maxSkipped int
	}{
		{"CAMEO.2.0.txt", 350, 4000, 0, 60},
		{"Phoenix.agents.txt", 0, 0, 2000, 60},
	} {
		f, err := os.Open(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		lf, st, err := ImportPhoenix(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		t.Logf("%s: %d lines, %d comment/blank, %d kinds, %d verbs, %d patterns, %d synsets, %d agents, %d transformations, %d duplicates, %d skipped", c.file,
			st.Lines, st.Comments, st.Kinds, st.Verbs, st.Patterns, st.Synsets, st.Agents, st.Transformations, st.Duplicates, st.Skipped)
		for _, w := range st.Warnings {
			t.Log("  ", w)
		}
		if st.Kinds < c.minKinds || st.Patterns < c.minPatterns || st.Agents < c.minAgents || st.Skipped > c.maxSkipped {
			t.Errorf("%s: stats %+v below expectations %+v", c.file, st, c)
		}
		if _, err := CompileLexicon(true, base, lf); err != nil {
			t.Errorf("%s: compile over the built-in lexicon: %v", c.file, err)
		}
	}
	_ = strings.TrimSpace
}

// junkDict is a small verb dictionary with junk lines around real ones.
const junkDict = `# a comment
<!-- an XML comment
   spanning lines -->
&ARMS
+WEAPONS
+RIFLE_

@@@@
--- SELL  [070] ---
SELL {SOLD SELLING}  # comment
- * &ARMS  [072]
- * (TO {REBEL GROUP}) [:071]
- garbage without code
--- MEET [040:040] ---
MEET {MET}
+HOLD_TALKS {+HELD_TALKS} [046:046]
~ a (a b SELL) MEET = a b 057
`

func TestImportJunk(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	in := junkDict + "\x00\x00binary\n" + long + "\n" + "--- BROKEN ---\n" + "- * [020]\n"
	lf, st, err := ImportPhoenix(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kinds != 3 || st.Synsets != 1 || st.Transformations != 1 {
		t.Errorf("stats %+v", st)
	}
	// @@@@, the code-less pattern, NUL, the long line, the broken header
	// and the pattern outside a block.
	if st.Skipped != 6 {
		t.Errorf("skipped %d, want 6: %v", st.Skipped, st.Warnings)
	}
	for _, want := range []string{"line 8:", "line 13:", "line 18:", "line 19:", "line 20:", "line 21:"} {
		found := false
		for _, w := range st.Warnings {
			found = found || strings.HasPrefix(w, want)
		}
		if !found {
			t.Errorf("no warning for %s in %v", want, st.Warnings)
		}
	}
	for name, k := range lf.Kinds {
		for _, v := range k.Verbs {
			if len(v) > 40 || strings.ContainsAny(v, "@\x00") {
				t.Errorf("kind %s: junk verb %q", name, v)
			}
		}
	}
	base, _ := DefaultLexiconFile()
	lx, err := CompileLexicon(true, base, lf)
	if err != nil {
		t.Fatal(err)
	}
	// The multi-word verb "hold talks" makes a kind of its own that codes
	// only through its pattern.
	if lx.verbs["sold"] != "sell" || lx.verbs["held"] != "meet_phrases" || !lx.kinds["meet_phrases"].PatternsOnly {
		t.Errorf("verbs: sold=%q held=%q", lx.verbs["sold"], lx.verbs["held"])
	}
	// [040:040] makes a mutual kind; [A:B] a paired code.
	if k := lx.kinds["meet"]; k.CAMEO != "040" || k.Reverse != "" || !k.Reciprocal {
		t.Errorf("two-way code: %+v", k)
	}
	if ps := lx.patterns["sell"]; len(ps) != 2 || ps[0].reverse != "071" || ps[0].cameo != "" {
		t.Errorf("sell patterns (longest first): %+v", ps)
	}
}

func TestImportRejectsNonDictionary(t *testing.T) {
	for name, in := range map[string]string{
		"empty": "", "prose": "Russia and Turkey met in Moscow.\nThey signed a deal.\n",
		"binary": "\x00\x01\x02\x03", "actors": "VLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSGOV]\n",
	} {
		if _, st, err := ImportPhoenix(strings.NewReader(in)); err == nil {
			t.Errorf("%s: imported: %+v", name, st)
		}
	}
}

func TestImportedVerbWinsOverBuiltIn(t *testing.T) {
	// "meet" is a built-in verb of kind meeting; an imported kind takes it.
	lf, _, err := ImportPhoenix(strings.NewReader("--- GATHER [0431] ---\nMEET {MET}\n"))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := DefaultLexiconFile()
	lx, err := CompileLexicon(true, base, lf)
	if err != nil {
		t.Fatal(err)
	}
	if lx.verbs["met"] != "gather" || lx.verbs["meeting"] != "gather" {
		t.Errorf("met -> %q, meeting -> %q, want gather", lx.verbs["met"], lx.verbs["meeting"])
	}
	if lx.kinds["meeting"].CAMEO != "043" || lx.nouns["summit"] != "meeting" {
		t.Error("the built-in kind lost more than the verb")
	}
	// A user kind of a built-in name replaces it.
	lf2 := &LexiconFile{Kinds: map[string]KindSpec{"meeting": {CAMEO: "2101", Verbs: []string{"convene"}}}}
	lx, err = CompileLexicon(true, base, lf2)
	if err != nil {
		t.Fatal(err)
	}
	if lx.kinds["meeting"].CAMEO != "2101" || lx.verbs["met"] == "meeting" {
		t.Errorf("user kind did not replace the built-in: %+v", lx.kinds["meeting"])
	}
	if QuadClass("2101") != 0 {
		t.Error("a code outside CAMEO has a quad class")
	}
}

func FuzzImportPhoenix(f *testing.F) {
	f.Add(junkDict)
	f.Add("PRIME_MINISTER [~GOV]\n!P! = MAN, MEN\nPOLICE!P! {} [~COP]\n")
	f.Add("--- X [---] ---\nX\n- $ * + (TO {A B}) &S [01:02]\n&S\n+&S\n")
	f.Fuzz(func(t *testing.T, in string) {
		lf, _, err := ImportPhoenix(strings.NewReader(in))
		if err != nil {
			return
		}
		// What an import returns always compiles.
		if _, err := CompileLexicon(false, lf); err != nil && !strings.Contains(err.Error(), "no kinds") {
			t.Fatalf("import of %q does not compile: %v", in, err)
		}
	})
}
