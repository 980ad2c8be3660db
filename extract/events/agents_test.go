package events

import (
	"strings"
	"testing"
)

func TestComposeCode(t *testing.T) {
	for _, c := range []struct{ actor, agent, want string }{
		{"RUS", "~GOV", "RUSGOV"},
		{"", "~GOV", "---GOV"},
		{"RUSGOV", "~GOV", "RUSGOV"},
		{"USA", "IGO~", "IGOUSA"},
		{"", "NGO~", "NGO"},
		{"GNV", "", "GNV"},
	} {
		if got := composeCode(c.actor, c.agent); got != c.want {
			t.Errorf("composeCode(%q, %q) = %q, want %q", c.actor, c.agent, got, c.want)
		}
	}
}

func TestAgentIndex(t *testing.T) {
	lf, st, err := ImportPhoenix(strings.NewReader("!PERSON! = MAN, WOMAN, MEN\nPRIME_MINISTER [~GOV]\nSPOKES!PERSON! [~GOV]\nPOLICE {} [ ~COP]\nARMY {ARMIES} [~MIL]\nAID_AGENCY [NGO~]\nNO_CODE\n"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Agents != 7 || st.Skipped != 1 {
		t.Errorf("stats %+v", st)
	}
	ix := compileAgents(lf.Agents)
	for text, want := range map[string]string{
		"the prime minister said": "~GOV", "two prime ministers met": "~GOV", "a spokeswoman": "~GOV",
		"the police": "~COP", "the armies": "~MIL", "aid agencies": "NGO~", "the minister": "", "polices": "",
	} {
		low := strings.Fields(text)
		got := ""
		for i := range low {
			if c, _ := ix.at(low, 0, i); c != "" {
				got = c
			}
		}
		if got != want {
			t.Errorf("%q: agent %q, want %q", text, got, want)
		}
	}
}

func TestParseTransform(t *testing.T) {
	tr, err := parseTransform("~ a (a b ATTACK) SAY = a b 138")
	if err != nil || tr.inner != "attack" || tr.outer != "say" || tr.code != "138" || tr.resTgt != "b" {
		t.Errorf("%+v %v", tr, err)
	}
	for _, bad := range []string{"a (a b ATTACK) SAY", "a a b ATTACK SAY = a b 1", "a (a z X) Y = a b 1", "a (a b X) Y = a b 1!2"} {
		if _, err := parseTransform(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
