package conllu

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

func TestRoundTripKeepsMultiwordAndEmptyNodes(t *testing.T) {
	in, err := os.ReadFile("testdata/mwt-empty.conllu")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(bytes.NewReader(in), "mwt-empty.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("read %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.Len() != 6 || s.Lines[4].Kind != Multiword || s.Word(1).Cols[Form] != "do" {
		t.Errorf("first sentence: %d words, line 4 kind %d, word 2 %q", s.Len(), s.Lines[4].Kind, s.Word(1).Cols[Form])
	}
	if got := s.Comment("sent_id"); got != "test-1-1" {
		t.Errorf("sent_id = %q", got)
	}
	heads, ok := s.Heads()
	if !ok || heads[3] != -1 || heads[0] != 3 {
		t.Errorf("heads = %v, %v", heads, ok)
	}
	if k := sents[1].Lines[7].Kind; k != Empty {
		t.Errorf("empty node line kind = %d", k)
	}
	var out bytes.Buffer
	for _, s := range sents {
		if err := Write(&out, s); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out.Bytes(), in) {
		t.Errorf("round trip differs:\n%s\nwant\n%s", out.Bytes(), in)
	}
}

func TestReaderErrorsNameInputAndLine(t *testing.T) {
	cases := map[string]string{
		"1\ta\n": "mine.conllu:1: want 10 tab-separated columns, got 2",
		"1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n": "mine.conllu:2: word ID 3 out of sequence",
		"x\ta\t_\t_\t_\t_\t0\troot\t_\t_\n":                                 "mine.conllu:1: bad ID",
		"1\ta\t_\t_\t_\t_\t5\troot\t_\t_\n\n":                               "mine.conllu:1: word 1: HEAD \"5\" is not 0..1",
		"# only a comment\n\n":                                              "mine.conllu:1: sentence without words",
	}
	for in, want := range cases {
		_, err := ReadAll(strings.NewReader(in), "mine.conllu")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to contain %q", in, err, want)
		}
	}
}

func TestReaderAcceptsCRLFAndMissingFinalBlank(t *testing.T) {
	in := "# c\r\n1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\r\n\r\n\r\n1\tYo\t_\t_\t_\t_\t_\t_\t_\t_"
	rd := NewReader(strings.NewReader(in), "x")
	var n int
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if s.Len() != 1 {
			t.Errorf("sentence %d has %d words", n, s.Len())
		}
	}
	if n != 2 {
		t.Errorf("read %d sentences, want 2", n)
	}
}
