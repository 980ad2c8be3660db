package eval

import (
	"strings"
	"testing"
)

const petrarchSample = `<Validation>
<!-- a comment with a <Sentence id="X"> inside -->
<Environment>
  <Verbfile>verbs.txt</Verbfile>
  <Actorfile>actors.txt, more.txt</Actorfile>
  <Agentfile>agents.txt</Agentfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore ties
with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="DEMO-01" category="DEMO" sentence="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"/>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"/>
<Text>Gondor and Arnor met.</Text>
</Sentence>
<Sentence date="19950103" id="NONE-01" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>
</Validation>`

func TestReadPetrarch(t *testing.T) {
	recs, env, err := ReadPetrarch(strings.NewReader(petrarchSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0].Text != "Arnor is about to restore ties with Gondor & Rohan." || recs[0].Date != "1995-01-01" {
		t.Fatalf("records %+v", recs)
	}
	if recs[1].Enabled || len(recs[1].Expected) != 2 || !recs[2].NoEvents {
		t.Errorf("records %+v", recs)
	}
	if strings.Join(env.Actors, ",") != "actors.txt,more.txt" || env.Verbs[0] != "verbs.txt" || env.Agents[0] != "agents.txt" {
		t.Errorf("env %+v", env)
	}
	rep := ScorePetrarch(recs, map[string][]PetrarchTriple{
		"DEMO-00": {{"ARN", "GON", "064"}, {"arn", "gon", "064"}, {"GON", "", "064"}},
		"DEMO-01": {{"GON", "ARN", "064"}},
		"NONE-01": {{"X", "Y", "010"}},
	})
	if rep.Expected != 3 || rep.Found != 2 || rep.EnabledExpected != 1 || rep.EnabledFound != 1 || rep.NoEventRecords != 1 || rep.Quiet != 0 {
		t.Errorf("report %+v", rep)
	}
	if rep.Produced != 2 || len(rep.Misses) != 2 {
		t.Errorf("produced %d, misses %+v", rep.Produced, rep.Misses)
	}
}

func TestReadPetrarchBad(t *testing.T) {
	for name, in := range map[string]string{
		"empty":    "",
		"no id":    `<Sentence date="19950101"><Text>x</Text></Sentence>`,
		"no text":  `<Sentence id="A" date="19950101"></Sentence>`,
		"bad date": `<Sentence id="A" date="1995"><Text>x</Text></Sentence>`,
		"no code":  `<Sentence id="A"><EventCoding sourcecode="A"/><Text>x</Text></Sentence>`,
	} {
		if _, _, err := ReadPetrarch(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add(petrarchSample)
	f.Fuzz(func(t *testing.T, in string) {
		recs, _, err := ReadPetrarch(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.ID == "" || r.Text == "" {
				t.Fatalf("record without id or text: %+v", r)
			}
		}
		ScorePetrarch(recs, nil)
	})
}
