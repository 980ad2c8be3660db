package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Column indexes of a word line.
const (
	ID = iota
	Form
	Lemma
	UPOS
	XPOS
	Feats
	Head
	Deprel
	Deps
	Misc
	NumCols
)

// Kind says what a Line of a sentence is.
type Kind uint8

// Line kinds.
const (
	// Word is a syntactic word: integer ID, part of the basic tree.
	Word Kind = iota
	// Multiword is a multiword token range such as "1-2" (its words follow).
	Multiword
	// Empty is an empty node of the enhanced graph, such as "8.1".
	Empty
	// Comment is a line starting with '#'.
	Comment
)

// Line is one line of a sentence.
type Line struct {
	Kind Kind
	// Cols holds the ten columns of a word, multiword or empty-node line.
	Cols [NumCols]string
	// Text is the whole line of a Comment, '#' included.
	Text string
}

// Sentence is one sentence: its lines in file order.
type Sentence struct {
	Lines []Line
	// Words indexes the Word lines of Lines, in order: Words[i] is the line
	// of the word with ID i+1.
	Words []int
	// StartLine is the 1-based line number of the sentence's first line in
	// its input (0 when built in memory).
	StartLine int
}

// Word returns the line of the i-th word (0-based; ID i+1).
func (s *Sentence) Word(i int) *Line { return &s.Lines[s.Words[i]] }

// Len returns the number of words.
func (s *Sentence) Len() int { return len(s.Words) }

// Forms returns the words' FORM column.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, l := range s.Words {
		out[i] = s.Lines[l].Cols[Form]
	}
	return out
}

// Heads returns the words' HEAD column as 0-based word indexes, -1 for the
// root. ok is false when a word has no numeric head ("_").
func (s *Sentence) Heads() (heads []int, ok bool) {
	heads = make([]int, len(s.Words))
	for i, l := range s.Words {
		h, err := strconv.Atoi(s.Lines[l].Cols[Head])
		if err != nil {
			return heads, false
		}
		heads[i] = h - 1
	}
	return heads, true
}

// Comment returns the value of the first "# key = value" comment, or "".
func (s *Sentence) Comment(key string) string {
	for _, l := range s.Lines {
		if l.Kind != Comment {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(l.Text, "#")), "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Reader reads sentences from CoNLL-U input.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader reads from r; name labels errors (a file name, or "-").
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last one. A malformed
// line is an error naming the input and the line number.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		text := strings.TrimSuffix(r.sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			if s != nil {
				return s, s.check(r)
			}
			continue
		}
		if s == nil {
			s = &Sentence{StartLine: r.line}
		}
		if text[0] == '#' {
			s.Lines = append(s.Lines, Line{Kind: Comment, Text: text})
			continue
		}
		l, err := parseLine(text)
		if err != nil {
			return nil, r.errorf("%w", err)
		}
		if l.Kind == Word {
			id, _ := strconv.Atoi(l.Cols[ID])
			if id != len(s.Words)+1 {
				return nil, r.errorf("word ID %s out of sequence (expected %d)", l.Cols[ID], len(s.Words)+1)
			}
			s.Words = append(s.Words, len(s.Lines))
		}
		s.Lines = append(s.Lines, l)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: %s: %w", r.name, err)
	}
	if s != nil {
		return s, s.check(r)
	}
	return nil, io.EOF
}

func (r *Reader) errorf(format string, args ...any) error {
	return fmt.Errorf("conllu: %s:%d: %s", r.name, r.line, fmt.Errorf(format, args...))
}

// check validates a finished sentence: at least one word, and numeric
// heads within the sentence.
func (s *Sentence) check(r *Reader) error {
	if len(s.Words) == 0 {
		return fmt.Errorf("conllu: %s:%d: sentence without words", r.name, s.StartLine)
	}
	for _, li := range s.Words {
		h := s.Lines[li].Cols[Head]
		if h == "_" {
			continue
		}
		n, err := strconv.Atoi(h)
		if err != nil || n < 0 || n > len(s.Words) {
			return fmt.Errorf("conllu: %s:%d: word %s: HEAD %q is not 0..%d", r.name, s.StartLine, s.Lines[li].Cols[ID], h, len(s.Words))
		}
	}
	return nil
}

var errCols = errors.New("want 10 tab-separated columns")

func parseLine(text string) (Line, error) {
	var l Line
	rest := text
	for i := 0; i < NumCols; i++ {
		if i == NumCols-1 {
			if strings.IndexByte(rest, '\t') >= 0 {
				return l, errCols
			}
			l.Cols[i] = rest
			break
		}
		c, r, ok := strings.Cut(rest, "\t")
		if !ok {
			return l, fmt.Errorf("%w, got %d", errCols, i+1)
		}
		l.Cols[i], rest = c, r
	}
	id := l.Cols[ID]
	switch {
	case isInt(id):
		l.Kind = Word
	case isRange(id, '-'):
		l.Kind = Multiword
	case isRange(id, '.'):
		l.Kind = Empty
	default:
		return l, fmt.Errorf("bad ID %q", id)
	}
	return l, nil
}

func isInt(s string) bool {
	if s == "" || len(s) > 9 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isRange(s string, sep byte) bool {
	i := strings.IndexByte(s, sep)
	return i > 0 && (isInt(s[:i]) || (sep == '.' && s[:i] == "0")) && isInt(s[i+1:])
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes s followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	for i := range s.Lines {
		l := &s.Lines[i]
		if l.Kind == Comment {
			bw.WriteString(l.Text)
		} else {
			for c, v := range l.Cols {
				if c > 0 {
					bw.WriteByte('\t')
				}
				bw.WriteString(v)
			}
		}
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	if !ok {
		return bw.Flush()
	}
	return nil
}
