module github.com/entente-nlp/entente

go 1.26.8

require (
	github.com/dominikbraun/graph v0.23.0
	github.com/jdkato/prose/v3 v3.2.3
	golang.org/x/net v0.62.0
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)

require gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
