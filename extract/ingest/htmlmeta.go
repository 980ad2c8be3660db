package ingest

import (
	"bytes"
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// metaDateKeys name meta tags that carry the publication date, best first.
var metaDateKeys = []string{
	"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
	"publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date",
	"dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "citation_publication_date",
}

// readHTML reads title, authors, date and URL from HTML meta tags,
// <title>, JSON-LD, <time datetime> and, failing those, a byline or
// dateline in the first blocks of visible text.
func readHTML(src []byte, f *found) {
	// Meta tags and datelines sit near the top: read the first 512 KiB.
	if len(src) > 512<<10 {
		src = src[:512<<10]
	}
	z := html.NewTokenizer(bytes.NewReader(src))
	metas := map[string]string{}
	var title, h1, timeAttr, ldJSON strings.Builder
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
	for tokens := 0; tokens < 200000; tokens++ {
		tt := z.Next()
		if tt == html.ErrorToken {
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
				if timeAttr.Len() == 0 && (attr("pubdate") != "" || strings.EqualFold(attr("itemprop"), "datePublished") || tt == html.StartTagToken) {
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
			case in == "title" && n == "title", in == "h1" && n == "h1", in == "ld" && n == "script":
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
				ldJSON.WriteString("\n")
			case "":
				cur.WriteString(text)
			}
		}
	}
	flush()
	ld := readLD(ldJSON.String())

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
	for _, k := range []string{"author", "article:author", "dc.creator", "parsely-author", "sailthru.author"} {
		if v := metas[k]; v != "" && !strings.Contains(v, "://") {
			f.authors = names(v)
			if len(f.authors) > 0 {
				break
			}
		}
	}
	if len(f.authors) == 0 && ld["author"] != "" {
		f.authors = names(ld["author"])
	}
	for _, k := range metaDateKeys {
		if d, ok := NormalizeDate(metas[k]); ok {
			f.published, f.publishedFrom = d, "meta"
			f.set("published_meta", k)
			break
		}
	}
	if f.published == "" {
		for _, v := range []string{ld["datePublished"], timeAttr.String()} {
			if d, ok := NormalizeDate(v); ok {
				f.published, f.publishedFrom = d, "meta"
				break
			}
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

// readLD pulls headline, datePublished and author name out of JSON-LD
// blocks (a NewsArticle object, a list, or an @graph).
func readLD(src string) map[string]string {
	out := map[string]string{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, k := range []string{"headline", "datePublished"} {
				if s, ok := x[k].(string); ok && out[k] == "" {
					out[k] = s
				}
			}
			if out["author"] == "" {
				switch a := x["author"].(type) {
				case string:
					out["author"] = a
				case map[string]any:
					if s, ok := a["name"].(string); ok {
						out["author"] = s
					}
				case []any:
					var ns []string
					for _, e := range a {
						if m, ok := e.(map[string]any); ok {
							if s, ok := m["name"].(string); ok {
								ns = append(ns, s)
							}
						}
					}
					out["author"] = strings.Join(ns, ", ")
				}
			}
			if g, ok := x["@graph"]; ok {
				walk(g)
			}
		}
	}
	dec := json.NewDecoder(strings.NewReader(src))
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			break
		}
		walk(v)
	}
	return out
}
