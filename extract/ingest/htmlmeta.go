package ingest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// metaDateKeys name meta tags that carry the publication date, best first
// (JSON-LD's datePublished comes before all of them). Modified dates are
// never read.
var metaDateKeys = []string{
	"article:published_time", "og:published_time", "article:published", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "published_time", "publication_date",
	"ptime", "pdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.date", "dcterms.created", "date", "citation_publication_date",
	"article.published", "originalpublicationdate", "displaydate", "dc.date.created",
}

// bodyScan bounds how much of the body is read for a byline, a dateline
// or a <time> element; the <head> is always read whole.
const bodyScan = 512 << 10

// readHTML reads title, authors, date and URL from HTML meta tags,
// <title>, JSON-LD, <time datetime> and, failing those, a byline or
// dateline in the first blocks of visible text.
func readHTML(src []byte, f *found) {
	z := html.NewTokenizer(bytes.NewReader(src))
	metas := map[string]string{}
	var title, h1, timeAttr, ldJSON strings.Builder
	var lds []string
	bodyAt := -1 // offset where the body starts
	read := 0
	var blocks []string
	var cur strings.Builder
	in := "" // element whose text is being collected: title, h1, ld, skip
	depth := 0
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" && len(blocks) < 30 {
			blocks = append(blocks, t)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		read += len(z.Raw())
		if bodyAt >= 0 && read-bodyAt > bodyScan {
			lds = append(lds, laterLD(src[read:])...)
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := func(k string) string {
				for _, a := range tok.Attr {
					if strings.EqualFold(a.Key, k) {
						return a.Val
					}
				}
				return ""
			}
			if bodyAt < 0 && !headTags[tok.Data] {
				bodyAt = read
			}
			if ip := strings.ToLower(attr("itemprop")); ip == "datepublished" && tok.Data != "meta" {
				if v := attr("datetime"); v != "" {
					metas["datepublished"] = v
				} else if v := attr("content"); v != "" {
					metas["datepublished"] = v
				}
			}
			switch tok.Data {
			case "meta":
				key := strings.ToLower(attr("property"))
				if key == "" {
					key = strings.ToLower(attr("name"))
				}
				if key == "" {
					key = strings.ToLower(attr("itemprop"))
				}
				if key != "" && attr("content") != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = strings.TrimSpace(attr("content"))
					}
				}
			case "link":
				if strings.EqualFold(attr("rel"), "canonical") {
					metas["canonical"] = attr("href")
				}
			case "html":
				f.set("lang", attr("lang"))
			case "time":
				if timeAttr.Len() == 0 && attr("datetime") != "" && !strings.Contains(strings.ToLower(attr("class")+attr("itemprop")), "modified") && !strings.Contains(strings.ToLower(attr("class")), "updated") {
					timeAttr.WriteString(attr("datetime"))
				}
			case "title":
				in = "title"
			case "h1":
				if h1.Len() == 0 {
					in = "h1"
				}
				flush()
			case "script":
				if strings.Contains(strings.ToLower(attr("type")), "ld+json") {
					in = "ld"
				} else {
					in, depth = "skip", 1
				}
			case "style", "noscript", "template", "nav", "aside", "footer":
				if tt == html.StartTagToken {
					flush()
					in, depth = "skip", 1
				}
			case "p", "div", "li", "h2", "h3", "h4", "header", "section", "article", "br", "span", "address", "tr", "td":
				if in == "" {
					flush()
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case in == "skip" && (n == "script" || n == "style" || n == "noscript" || n == "template" || n == "nav" || n == "aside" || n == "footer"):
				depth--
				if depth <= 0 {
					in = ""
				}
			case in == "ld" && n == "script":
				in = ""
				lds = append(lds, ldJSON.String())
				ldJSON.Reset()
			case in == "title" && n == "title", in == "h1" && n == "h1":
				in = ""
				flush()
			case in == "" && (n == "p" || n == "div" || n == "li" || n == "span" || n == "h2" || n == "h3" || n == "td"):
				flush()
			}
		case html.TextToken:
			text := string(z.Text())
			switch in {
			case "title":
				title.WriteString(text)
			case "h1":
				h1.WriteString(text)
				cur.WriteString(text)
			case "ld":
				ldJSON.WriteString(text)
			case "":
				cur.WriteString(text)
			}
		}
	}
	flush()
	if ldJSON.Len() > 0 {
		lds = append(lds, ldJSON.String())
	}
	ld := readLD(lds)

	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	switch {
	case metas["og:title"] != "":
		f.title, f.titleFrom = clean(metas["og:title"]), "meta"
	case metas["twitter:title"] != "":
		f.title, f.titleFrom = clean(metas["twitter:title"]), "meta"
	case title.Len() > 0:
		f.title, f.titleFrom = stripSiteName(clean(title.String()), metas["og:site_name"]), "title"
	case ld["headline"] != "":
		f.title, f.titleFrom = clean(ld["headline"]), "meta"
	case h1.Len() > 0:
		f.title, f.titleFrom = clean(h1.String()), "h1"
	}
	if ld["author"] != "" {
		f.authors = names(ld["author"])
	}
	for _, k := range []string{"author", "byl", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "citation_author"} {
		if len(f.authors) > 0 {
			break
		}
		if v := metas[k]; v != "" && !strings.Contains(v, "://") {
			f.authors = names(strings.TrimPrefix(strings.TrimPrefix(v, "By "), "BY "))
		}
	}
	// Publication date, in order of trust; never a modified date.
	pick := func(v, from string) bool {
		if d, ok := NormalizeDate(v); ok {
			f.published, f.publishedFrom = d, "meta"
			f.set("published_meta", from)
			return true
		}
		return false
	}
	if !pick(ld["datePublished"], "json-ld datePublished") {
		done := false
		for _, k := range metaDateKeys {
			if done = pick(metas[k], k); done {
				break
			}
		}
		if !done && !pick(ld["dateCreated"], "json-ld dateCreated") {
			pick(timeAttr.String(), "time")
		}
	}
	for _, k := range []string{"og:url", "canonical"} {
		if f.url == "" {
			f.url = metas[k]
		}
	}
	f.set("site_name", metas["og:site_name"])
	f.set("description", metas["description"])
	if f.published == "" || len(f.authors) == 0 {
		f.scanParagraphs(blocks, string(src))
	}
}

// stripSiteName drops a " | Site" or " - Site" suffix naming the site.
func stripSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			tail := strings.TrimSpace(title[i+len(sep):])
			if site != "" && strings.EqualFold(tail, site) || site == "" && len(tail) < 30 && len(tail) < (i/2) {
				return strings.TrimSpace(title[:i])
			}
		}
	}
	return title
}

// laterLD returns the contents of the JSON-LD scripts in src, found by
// their type attribute without tokenizing (the part of a long page past
// bodyScan).
func laterLD(src []byte) []string {
	var out []string
	for {
		i := bytes.Index(src, []byte("ld+json"))
		if i < 0 {
			return out
		}
		src = src[i:]
		open := bytes.IndexByte(src, '>')
		if open < 0 {
			return out
		}
		src = src[open+1:]
		end := bytes.Index(src, []byte("</script"))
		if end < 0 {
			end = len(src)
		}
		out = append(out, string(src[:end]))
		src = src[end:]
	}
}

// headTags may appear in <head>; any other start tag begins the body.
var headTags = map[string]bool{"html": true, "head": true, "meta": true, "link": true, "title": true,
	"script": true, "style": true, "base": true, "noscript": true, "template": true}

// articleTypes are the schema.org types whose dates and authors are the
// page's own (a WebSite or Organization object in the same @graph is not).
var articleTypes = map[string]bool{"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "blogposting": true, "socialmediaposting": true,
	"scholarlyarticle": true, "techarticle": true, "report": true, "webpage": true, "liveblogposting": true,
	"posting": true, "creativework": true, "backgroundnewsarticle": true, "reviewnewsarticle": true}

var (
	reCDATA  = regexp.MustCompile(`^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$`)
	reLDDate = regexp.MustCompile(`"(datePublished|dateCreated)"\s*:\s*"([^"]{6,40})"`)
)

// readLD pulls headline, datePublished, dateCreated and the authors'
// names out of JSON-LD blocks (a NewsArticle object, a list, an @graph;
// wrapped in CDATA or not). Fields of an article-typed object win over
// those of other objects. A block that is not valid JSON still gives its
// dates by pattern.
func readLD(blocks []string) map[string]string {
	out, weak := map[string]string{}, map[string]string{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			dst := weak
			if isArticleType(x["@type"]) {
				dst = out
			}
			for _, k := range []string{"headline", "datePublished", "dateCreated"} {
				if s, ok := x[k].(string); ok && dst[k] == "" {
					dst[k] = s
				}
			}
			if dst["author"] == "" {
				dst["author"] = strings.Join(personNames(x["author"]), ", ")
			}
			if g, ok := x["@graph"]; ok {
				walk(g)
			}
			if m, ok := x["mainEntity"]; ok {
				walk(m)
			}
		}
	}
	for _, b := range blocks {
		b = reCDATA.ReplaceAllString(strings.TrimSpace(b), "")
		dec := json.NewDecoder(strings.NewReader(b))
		ok := false
		for {
			var v any
			if err := dec.Decode(&v); err != nil {
				break
			}
			ok = true
			walk(v)
		}
		if !ok {
			for _, m := range reLDDate.FindAllStringSubmatch(b, -1) {
				if weak[m[1]] == "" {
					weak[m[1]] = m[2]
				}
			}
		}
	}
	for k, v := range weak {
		if out[k] == "" {
			out[k] = v
		}
	}
	return out
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// personNames returns the names of a JSON-LD author value: a string, a
// Person object or a list of them. Organizations are not authors' names.
func personNames(a any) []string {
	switch x := a.(type) {
	case string:
		return []string{x}
	case map[string]any:
		if t, _ := x["@type"].(string); strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
			return nil
		}
		if s, ok := x["name"].(string); ok {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, personNames(e)...)
		}
		return out
	}
	return nil
}
