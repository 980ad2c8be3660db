package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// validate returns why src cannot be read as a text document, or "".
func validate(src []byte, maxBytes int) string {
	if maxBytes > 0 && len(src) > maxBytes {
		return fmt.Sprintf("too large (%s bytes, limit %s)", group(len(src)), group(maxBytes))
	}
	if len(src) == 0 {
		return "empty input"
	}
	body := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	for _, m := range magics {
		if bytes.HasPrefix(src, []byte(m.prefix)) {
			return "binary data (" + m.what + ")"
		}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return fmt.Sprintf("binary data (NUL byte at offset %s)", group(i))
	}
	if i := invalidUTF8(src); i >= 0 {
		return fmt.Sprintf("invalid UTF-8 at byte %s (text must be UTF-8, UTF-16 with a byte-order mark, or HTML that declares its charset)", group(i))
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return "empty input"
	}
	if ctl := controlShare(body); ctl > 0.1 {
		return fmt.Sprintf("binary data (%.0f%% control characters)", ctl*100)
	}
	return ""
}

// hasMagic reports whether src opens like a binary format.
func hasMagic(src []byte) bool {
	for _, m := range magics {
		if bytes.HasPrefix(src, []byte(m.prefix)) {
			return true
		}
	}
	return false
}

// magics are the openings of binary formats people pass by mistake.
var magics = []struct{ prefix, what string }{
	{"%PDF-", "a PDF document; extract its text first"},
	{"PK\x03\x04", "a ZIP archive, such as .docx or .epub; extract its text first"},
	{"\x1f\x8b", "gzip-compressed; decompress it first"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\xd0\xcf\x11\xe0", "an old Microsoft Office document; save it as text first"},
	{"{\\rtf", "an RTF document; save it as text first"},
}

// invalidUTF8 returns the offset of the first byte that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// controlShare is the share of C0 control characters other than white
// space (and ESC) in the first 8 KiB.
func controlShare(b []byte) float64 {
	if len(b) > 8192 {
		b = b[:8192]
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

// group formats n with thousands separators: 3407 → "3,407".
func group(n int) string {
	s := strconv.Itoa(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
