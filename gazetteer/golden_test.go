package gazetteer

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/gazetteer")

// TestPhoenixGolden pins the YAML that the Phoenix import writes for the
// excerpt; refresh with go test ./gazetteer -run Golden -update.
func TestPhoenixGolden(t *testing.T) {
	f, err := os.Open(testutil.Testdata(t, "gazetteer/phoenix-excerpt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, _, err := ReadPhoenix(f, mustDefault(t), "")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteYAML(&got, "phoenix-excerpt.txt converted by gazetteer.ReadPhoenix", entries); err != nil {
		t.Fatal(err)
	}
	golden := testutil.Testdata(t, "gazetteer/phoenix-excerpt.golden.yaml")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("converted YAML differs from %s (run with -update if intended):\n%s", golden, got.String())
	}
}
