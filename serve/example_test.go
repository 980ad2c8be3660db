package serve_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/serve"
)

// A server over entente's Go API, asked for the record of one article.
func Example() {
	x, err := entente.New()
	if err != nil {
		panic(err)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	srv, err := serve.New(serve.Options{MaxInflight: 8})
	if err != nil {
		panic(err)
	}
	srv.SetBackend(serve.NewBackend(x, gaz))
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/v1/extract?published=2016-12-22", "text/plain",
		strings.NewReader("Vladimir Putin met Recep Tayyip Erdogan in Moscow on Tuesday."))
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var rec entente.Record
	if err := json.NewDecoder(resp.Body).Decode(&rec); err != nil {
		panic(err)
	}
	fmt.Println(resp.Status)
	for _, e := range rec.Entities {
		fmt.Println(e.ID, e.Count)
	}
	for _, d := range rec.Dates {
		fmt.Println(d.Text, d.Value)
	}
	// Output:
	// 200 OK
	// person:vladimir-putin 1
	// person:recep-tayyip-erdogan 1
	// city:moscow 1
	// Tuesday 2016-12-20
}
