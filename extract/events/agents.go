package events

import "strings"

// agentIndex finds Phoenix agents ("prime minister", "troops") in tokens.
type agentIndex struct {
	// byLast maps an agent phrase's last word (every form) to the
	// phrases ending with it, longest first.
	byLast map[string][]agentPhrase
}

type agentPhrase struct {
	words []string // lower case; the last one in the form that matched
	code  string   // "~GOV" or "IGO~"
}

// compileAgents indexes agents; a later spec of the same phrase wins.
func compileAgents(specs []AgentSpec) *agentIndex {
	ix := &agentIndex{byLast: map[string][]agentPhrase{}}
	last := map[string]int{}
	for i, s := range specs {
		last[strings.Join(agentWords(s.Match), " ")] = i
	}
	for i, s := range specs {
		words := agentWords(s.Match)
		if len(words) == 0 || last[strings.Join(words, " ")] != i || agentCode(s.Code) == "" {
			continue
		}
		head := words[len(words)-1]
		forms := []string{head}
		if !s.NoPlural {
			forms = append(forms, nounPlural(head))
		}
		for _, pl := range s.Plurals {
			if pw := agentWords(pl); len(pw) > 0 {
				forms = append(forms, pw[len(pw)-1])
			}
		}
		for _, f := range forms {
			ws := append(append([]string(nil), words[:len(words)-1]...), f)
			ix.byLast[f] = append(ix.byLast[f], agentPhrase{words: ws, code: s.Code})
		}
	}
	for k, ps := range ix.byLast {
		// Longest first, stable.
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		ix.byLast[k] = ps
	}
	return ix
}

// agentWords splits a dictionary phrase into lower-case words.
func agentWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' || r == ',' })
}

// agentCode validates an agent code: "~" and 1 to 12 letters or digits on
// one side.
func agentCode(c string) string {
	c = strings.ReplaceAll(strings.TrimSpace(c), " ", "")
	if strings.Count(c, "~") != 1 || len(c) < 2 || len(c) > 13 {
		return ""
	}
	for _, r := range strings.Trim(c, "~") {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return ""
		}
	}
	return strings.ToUpper(c)
}

// nounPlural returns the regular plural of a noun.
func nounPlural(w string) string { return thirdPerson(w) }

// at returns the code of the longest agent phrase ending at token i of
// low, whose first word is at or after lo, and where it starts.
func (ix *agentIndex) at(low []string, lo, i int) (code string, start int) {
	if ix == nil || i < 0 || i >= len(low) {
		return "", -1
	}
	for _, p := range ix.byLast[low[i]] {
		s := i - len(p.words) + 1
		if s < lo {
			continue
		}
		ok := true
		for k, w := range p.words {
			if low[s+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return p.code, s
		}
	}
	return "", -1
}

// empty reports whether the index holds no agent.
func (ix *agentIndex) empty() bool { return ix == nil || len(ix.byLast) == 0 }

// composeCode combines an actor code with an agent code: RUS + ~GOV =
// RUSGOV, USA + IGO~ = IGOUSA; no actor gives ---GOV. An actor code that
// already ends with the sector keeps it once.
func composeCode(actor, agent string) string {
	if agent == "" {
		return actor
	}
	if strings.HasPrefix(agent, "~") {
		sector := agent[1:]
		if actor == "" {
			return "---" + sector
		}
		if strings.HasSuffix(actor, sector) {
			return actor
		}
		return actor + sector
	}
	prefix := strings.TrimSuffix(agent, "~")
	if actor == "" {
		return prefix
	}
	if strings.HasPrefix(actor, prefix) {
		return actor
	}
	return prefix + actor
}
