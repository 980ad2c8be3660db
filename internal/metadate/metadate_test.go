package metadate

import "testing"

func TestParse(t *testing.T) {
	for in, want := range map[string]string{
		"2017-11-16":                              "2017-11-16",
		"2017-11-16T14:15+0000":                   "2017-11-16",
		"2017-11-16T14:15":                        "2017-11-16",
		"2017-11-16T14:15:09Z":                    "2017-11-16",
		"2017-11-16T14:15:09.607Z":                "2017-11-16",
		"2015-07-24T05:36:09+01:00":               "2015-07-24",
		"2015-07-24T00:36:09-05:00":               "2015-07-24", // the page's own day, not UTC's
		"2017-11-16 14:15:09 +0000":               "2017-11-16",
		"2017-11-16T14:15:09+00":                  "2017-11-16",
		"20150313213009":                          "2015-03-13",
		"20150313":                                "2015-03-13",
		"2015/03/13":                              "2015-03-13",
		"Fri Mar 13 21:30:09 EST 2015":            "2015-03-13",
		"Thu Sep 16 2021 03:52:10 GMT+0000 (UTC)": "2021-09-16",
		"Fri, 13 Mar 2015 21:30:09 GMT":           "2015-03-13",
		"Fri, 13 Mar 2015 21:30:09 +0100":         "2015-03-13",
		"16 November 2017":                        "2017-11-16",
		"November 16, 2017":                       "2017-11-16",
		"Nov. 16th, 2017 9:30 PM ET":              "2017-11-16",
		"  Published March 13, 2015 ":             "2015-03-13",
	} {
		if got, ok := Normalize(in); !ok || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2017-13-01", "2017-02-30", "Q3 2017", "12345", "1066-10-14",
		"the summit ended, analysts said on March 13, 2015"} {
		if got, ok := Normalize(bad); ok {
			t.Errorf("Normalize(%q) = %q, want no date", bad, got)
		}
	}
}

func TestFind(t *testing.T) {
	d, at, ok := Find("Global Research, December 22, 2016")
	if !ok || d.String() != "2016-12-22" || at != 17 {
		t.Errorf("Find = %v %d %v", d, at, ok)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2017-11-16T14:15+0000", "Fri Mar 13 21:30:09 EST 2015", "16 November 2017", "20150313"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Parse(s)
		if !ok {
			return
		}
		if _, ok2 := Make(d.Year, d.Month, d.Day); !ok2 {
			t.Errorf("Parse(%q) = %v, not a valid date", s, d)
		}
		if again, ok := Parse(d.String()); !ok || again != d {
			t.Errorf("Parse(%q) = %v does not round-trip: %v %v", s, d, again, ok)
		}
	})
}
