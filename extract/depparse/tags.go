package depparse

// UPOS lists the Universal Dependencies part-of-speech tags; a tag's id is
// its index.
var UPOS = [...]string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

const numUPOS = len(UPOS)

// uposID returns the id of a UPOS tag, or -1.
func uposID(t string) int {
	for i, u := range UPOS {
		if u == t {
			return i
		}
	}
	return -1
}

// pennTags are the Penn Treebank tags prose's tagger produces; the parser
// reads them as one more feature (their id is index+1; 0 = none or other).
var pennTags = [...]string{"CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "(", ")", "#", "$", "-", "-NONE-", "HYPH", "NFP", "ADD", "AFX", "GW", "XX"}

var pennID = func() map[string]uint32 {
	m := make(map[string]uint32, len(pennTags))
	for i, t := range pennTags {
		m[t] = uint32(i + 1)
	}
	return m
}()

// shape summarizes a word's spelling in a few bits.
func shape(s string) uint32 {
	var upper, lower, digit, other, nonASCII int
	var hyphen, period bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		case c >= '0' && c <= '9':
			digit++
		case c >= 0x80:
			nonASCII++
		default:
			other++
			hyphen = hyphen || c == '-'
			period = period || c == '.'
		}
	}
	var b uint32
	if len(s) > 0 && s[0] >= 'A' && s[0] <= 'Z' {
		b |= 1
	}
	if upper > 1 && lower == 0 {
		b |= 2
	}
	if digit > 0 {
		b |= 4
	}
	if digit > 0 && upper+lower+nonASCII == 0 {
		b |= 8
	}
	if hyphen {
		b |= 16
	}
	if period {
		b |= 32
	}
	if upper+lower+digit+nonASCII == 0 {
		b |= 64
	}
	if nonASCII > 0 {
		b |= 128
	}
	switch n := len(s); {
	case n <= 2:
		b |= 256
	case n <= 4:
		b |= 512
	}
	return b
}

// affix hashes the last (n > 0) or first (n < 0) |n| bytes of s, lowered.
func affix(s string, n int) uint32 {
	if n > 0 {
		if len(s) > n {
			s = s[len(s)-n:]
		}
	} else if len(s) > -n {
		s = s[:-n]
	}
	return hashString(s) + uint32(n)
}
