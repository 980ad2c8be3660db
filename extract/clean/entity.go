package clean

import (
	"html"
	"unicode/utf8"
)

// entityAt returns the decoded text and byte length of the character
// reference starting at src[i] (which is '&'), or ok=false when there is
// none. requireSemi rejects references without a closing ';' (Markdown).
func entityAt(src []byte, i, end int, requireSemi bool) (decoded string, n int, ok bool) {
	j := i + 1
	numeric := j < end && src[j] == '#'
	if numeric {
		j++
		hex := j < end && (src[j] == 'x' || src[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < end && j-d < 8 && (isDigit(src[j]) || hex && isHex(src[j])) {
			j++
		}
		if j == d {
			return "", 0, false
		}
	} else {
		d := j
		for j < end && j-d < 32 && (isAlpha(src[j]) || j > d && isDigit(src[j])) {
			j++
		}
		if j == d {
			return "", 0, false
		}
	}
	semi := j < end && src[j] == ';'
	if semi {
		j++
	} else if requireSemi {
		return "", 0, false
	}
	if numeric {
		return html.UnescapeString(string(src[i:j])), j - i, true
	}
	// The longest prefix that decodes as one named reference (html decodes
	// "&amplt" as "&" + "lt"; only "&amp" is the reference). Named
	// references never decode to ASCII letters or digits, so a decoding
	// that still holds some kept part of the name.
	for k := j; k > i+1; k-- {
		cand := string(src[i:k])
		u := html.UnescapeString(cand)
		if u != cand && utf8.RuneCountInString(u) <= 2 && !hasAlnum(u) {
			return u, k - i, true
		}
	}
	return "", 0, false
}

func hasAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlpha(s[i]) || isDigit(s[i]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
