package conllu

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// FuzzReader checks that any input either fails with an error or reads into
// sentences that write and read back unchanged.
func FuzzReader(f *testing.F) {
	if b, err := os.ReadFile("testdata/mwt-empty.conllu"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"))
	f.Add([]byte("# x\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t2\tdep\t_\t_\n2\tb\t_\t_\t_\t_\t0\troot\t_\t_\n0.1\tz\t_\t_\t_\t_\t_\t_\t_\t_\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		sents, err := ReadAll(bytes.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		var out bytes.Buffer
		for _, s := range sents {
			if err := Write(&out, s); err != nil {
				t.Fatal(err)
			}
		}
		again, err := ReadAll(bytes.NewReader(out.Bytes()), "again")
		if err != nil {
			t.Fatalf("re-reading written output: %v\n%q", err, out.Bytes())
		}
		if len(again) != len(sents) {
			t.Fatalf("%d sentences, then %d", len(sents), len(again))
		}
		for i := range sents {
			if !reflect.DeepEqual(sents[i].Lines, again[i].Lines) || !reflect.DeepEqual(sents[i].Words, again[i].Words) {
				t.Fatalf("sentence %d changed:\n%+v\n%+v", i, sents[i].Lines, again[i].Lines)
			}
		}
	})
}
