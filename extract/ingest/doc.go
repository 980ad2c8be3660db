// Package ingest is the first pipeline stage: it validates a document's
// Original bytes, decides its format, and reads its metadata.
//
// Empty, binary and invalid UTF-8 input fails the document with one fatal
// error naming the source and the reason ("ingest: a.txt: invalid UTF-8 at
// byte 3,407"); other documents are unaffected. When the source gave no
// format hint, the format is detected (html, markdown or text). Title,
// authors and publication date come from HTML meta tags, Markdown front
// matter, the first heading, a byline ("By Name") and a dateline ("Global
// Research, December 22, 2016", "MOSCOW, Dec. 22 (Reuters) -"); values the
// source already set (JSONL fields, --published) are never overwritten.
// Published is normalized to YYYY-MM-DD.
package ingest
