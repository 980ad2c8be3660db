// Package charset decodes documents that are not UTF-8 (a UTF-16
// byte-order mark, an HTML page declaring windows-1252, ISO-8859-1,
// Shift_JIS, GB2312...) into UTF-8, keeping for every decoded byte the
// offset of its character in the original bytes, so that spans over the
// decoded text still point into what the user gave.
//
// Any package of entente may import it; it imports none of them.
package charset
