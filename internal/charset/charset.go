package charset

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Decoded is a document decoded to UTF-8.
type Decoded struct {
	// Text is the UTF-8 text.
	Text []byte
	// Pos maps each byte offset of Text (and len(Text)) to the offset in
	// the original bytes of the character it belongs to. Nil when Text is
	// the original (already UTF-8).
	Pos []int
	// Charset names the encoding decoded from ("utf-16le",
	// "windows-1252"...), empty for UTF-8.
	Charset string
}

// Orig maps an offset of Text to the original bytes.
func (d Decoded) Orig(off int) int {
	if d.Pos == nil {
		return off
	}
	return d.Pos[min(max(off, 0), len(d.Pos)-1)]
}

// Decode returns src as UTF-8. A UTF-16 byte-order mark is decoded in
// every format. Other bytes that are valid UTF-8 are UTF-8, whatever a
// page declares (pages often declare ISO-8859-1 and send UTF-8). Invalid
// UTF-8 is decoded when html is true, with the charset the page declares
// (a <meta charset> or Content-Type meta in its first 1024 bytes) or, as
// browsers do, windows-1252; otherwise it is left alone and reported by
// ok=false.
func Decode(src []byte, html bool) (d Decoded, ok bool) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return decodeWith(src, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"), true
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return decodeWith(src, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"), true
	case utf8.Valid(src):
		return Decoded{Text: src}, true
	case !html:
		return Decoded{Text: src}, false
	}
	enc, name, _ := charset.DetermineEncoding(src, "text/html")
	if name == "utf-8" || enc == nil {
		// Declared UTF-8 but invalid: browsers read it as windows-1252
		// only when nothing is declared; keep it and let the cleaner
		// replace the bad bytes.
		return Decoded{Text: src}, false
	}
	return decodeWith(src, enc, name), true
}

// decodeWith decodes src one character at a time, recording where each
// came from.
func decodeWith(src []byte, enc encoding.Encoding, name string) Decoded {
	t := enc.NewDecoder()
	out := make([]byte, 0, len(src)+len(src)/2)
	pos := make([]int, 0, cap(out)+1)
	var buf [16]byte
	for i := 0; i < len(src); {
		n, consumed := 0, 0
		for k := 1; k <= 4 && i+k <= len(src); k++ {
			atEOF := i+k == len(src) || k == 4
			nd, ns, err := t.Transform(buf[:], src[i:i+k], atEOF)
			if ns > 0 {
				n, consumed = nd, ns
				break
			}
			if err != nil && err != transform.ErrShortSrc {
				break
			}
		}
		if consumed == 0 {
			// Undecodable byte: U+FFFD for it.
			n, consumed = copy(buf[:], "\uFFFD"), 1
			t.Reset()
		}
		for j := 0; j < n; j++ {
			pos = append(pos, i)
		}
		out = append(out, buf[:n]...)
		i += consumed
	}
	pos = append(pos, len(src))
	return Decoded{Text: out, Pos: pos, Charset: name}
}
