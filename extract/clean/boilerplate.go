package clean

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// A boilerplate rule matches one line of a block. Block rules make the
// whole block boilerplate when they match its first line (a disclaimer
// paragraph); line rules mark just the line. MaxLen bounds the lines a rule
// applies to, so article prose that happens to say "subscribe" is left
// alone.
type rule struct {
	re     *regexp.Regexp
	block  bool
	maxLen int
}

// defaultRules are the page-furniture lines of news sites.
var defaultRules = []rule{
	{re: regexp.MustCompile(`(?i)^\W*disclaimer\b`), block: true},
	{re: regexp.MustCompile(`(?i)^\W*(the )?original source of this article is\b`), block: true, maxLen: 400},
	{re: regexp.MustCompile(`(?i)^\W*(copyright\b.*(©|\(c\)|\b(19|20)\d\d\b)|©|\(c\)\s*(19|20)\d\d)`), maxLen: 300},
	{re: regexp.MustCompile(`(?i)(©|\bcopyright\b.*\b(19|20)\d\d\b|\ball rights reserved\b)`), maxLen: 200},
	{re: regexp.MustCompile(`(?i)\bbecome a (member|subscriber|patron|supporter)\b`), maxLen: 200},
	{re: regexp.MustCompile(`(?i)^\W*articles? by:`), maxLen: 200},
	{re: regexp.MustCompile(`(?i)^\W*(region|in-depth report|tags?|topics?|filed under|categor(y|ies)|related( articles| stories| posts)?|read more|see also|more from|recommended|keywords?):`), maxLen: 300},
	{re: regexp.MustCompile(`(?i)^\W*for (media|press) (inquiries|enquiries|contacts?)\b`), maxLen: 300},
	{re: regexp.MustCompile(`(?i)^\W*\(?((additional )?reporting|writing|editing|compiled|graphics?) by\b.*\)?\W*$`), maxLen: 300},
	{re: regexp.MustCompile(`(?i)^\W*(our standards:|the thomson reuters trust principles|(like|share) this:)`), maxLen: 200},
	{re: regexp.MustCompile(`(?i)\b(subscribe|sign up|signup)\b.*\b(newsletter|updates|email|channel|feed|now|today|here)\b|\bnewsletter\b`), maxLen: 160},
	{re: regexp.MustCompile(`(?i)\b(comment|discuss|share|follow us|like us|join us)\b.*\b(facebook|twitter|telegram|whatsapp|linkedin|reddit|vk|instagram|youtube|social media)\b`), maxLen: 200},
	{re: regexp.MustCompile(`(?i)^\W*(share( this( article| story| page)?)?|tweet( this)?|email this|print( this)?( article| page)?|click here\b.*|leave a (comment|reply)|\d+ comments?|comments?|advertisement|sponsored( content)?|support (our|independent) (work|journalism)\b.*|donate\b.*)\W*$`), maxLen: 160},
}

// compileRules turns user patterns (stage option boilerplate_patterns)
// into line rules.
func compileRules(patterns []string) ([]rule, error) {
	out := make([]rule, 0, len(patterns))
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("pattern %q is not a regular expression: %w", p, err)
		}
		out = append(out, rule{re: re})
	}
	return out, nil
}

// boilerplate returns the boilerplate spans of text: blocks the cleaner
// flagged (HTML footer, share widgets) and lines matched by rules. Spans
// separated only by white space are merged, so a sentence running over two
// boilerplate lines still lies inside one span.
func boilerplate(text string, blocks []renderedBlock, rules []rule) []pipeline.Span {
	var spans []pipeline.Span
	for _, blk := range blocks {
		if blk.boiler {
			spans = append(spans, blk.Span)
			continue
		}
		first := true
		for ls := blk.Start; ls < blk.End; {
			le := strings.IndexByte(text[ls:blk.End], '\n')
			if le < 0 {
				le = blk.End
			} else {
				le += ls
			}
			line := text[ls:le]
			if r, ok := matchRule(line, rules); ok {
				if first && r.block {
					spans = append(spans, blk.Span)
					break
				}
				end := le
				if le == blk.End {
					end = blk.End
				}
				spans = append(spans, pipeline.Span{Start: ls, End: end})
			}
			first = false
			ls = le + 1
		}
	}
	return mergeSpans(text, spans)
}

func matchRule(line string, rules []rule) (rule, bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return rule{}, false
	}
	for _, r := range rules {
		if r.maxLen > 0 && len(line) > r.maxLen {
			continue
		}
		if r.re.MatchString(line) {
			return r, true
		}
	}
	return rule{}, false
}

func mergeSpans(text string, spans []pipeline.Span) []pipeline.Span {
	var out []pipeline.Span
	for _, s := range spans {
		if n := len(out); n > 0 && strings.TrimSpace(text[out[n-1].End:max(s.Start, out[n-1].End)]) == "" {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
