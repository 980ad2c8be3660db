// Package clean is the pipeline stage that turns a document's Original
// bytes into the clean Text the NLP stages read, with an OffsetMap back to
// the original bytes and the Boilerplate spans of page furniture.
//
// Markdown loses its markup (links keep their text, images go, emphasis,
// headings, bullets, quotes, fences and inline HTML are dropped); HTML keeps
// only visible text, with entities decoded and block elements turned into
// paragraph breaks; plain text is kept as it is. Headings and other blocks
// that do not end a sentence get an inserted "." so that the sentence
// segmenter does not glue them onto the next paragraph; inserted text (that
// stop, paragraph breaks) has segments of original length 0 at the end of
// the preceding original text.
//
// Invariant (tested on every fixture and fuzzed): Text is valid UTF-8; the
// OffsetMap is monotonic and in range; every byte of Text that was copied
// from Original maps back to the same byte.
package clean
