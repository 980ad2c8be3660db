package extract

import (
	"fmt"

	"github.com/entente-nlp/entente/extract/clean"
	"github.com/entente-nlp/entente/extract/dates"
	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/events"
	"github.com/entente-nlp/entente/extract/ingest"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/extract/relations"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/pipeline"
)

// Env holds the heavy, read-only resources that stages share. Build it once
// per process.
type Env struct {
	Models *nlp.Models
	// ProseNER enables prose's entity model in the nlp stage.
	ProseNER bool
	// NER is the statistical entity tagger (nermodel.Default(), trained on
	// CoNLL-2003 eng.train), one candidate source for the entities stage;
	// nil disables it. Call NER.TagDocument(d) after the nlp stage.
	NER *nermodel.Model
	// Gazetteer (gazetteer.Default(), plus user files) links names to
	// known entities in the entities stage; nil runs that stage on rules
	// and models alone.
	Gazetteer *gazetteer.Gazetteer
}

// Register adds every extraction stage to r.
func Register(r *pipeline.Registry, env Env) {
	r.Register(ingest.Name, func(opts map[string]any) (pipeline.Stage, error) { return ingest.New(opts) })
	r.Register(clean.Name, func(opts map[string]any) (pipeline.Stage, error) { return clean.New(opts) })
	r.Register(nlp.Name, func(opts map[string]any) (pipeline.Stage, error) {
		if err := noOptions(nlp.Name, opts); err != nil {
			return nil, err
		}
		return nlp.New(env.Models, nlp.Options{ProseNER: env.ProseNER})
	})
	r.Register(entities.Name, func(opts map[string]any) (pipeline.Stage, error) {
		o, err := entities.ParseOptions(opts)
		if err != nil {
			return nil, err
		}
		var srcs []entities.Source
		if env.NER != nil {
			srcs = append(srcs, newNERSource(env))
		}
		var g entities.Gazetteer
		if env.Gazetteer != nil {
			g = entities.FromGazetteer(env.Gazetteer)
		}
		return entities.New(g, o, srcs...)
	})
	r.Register(dates.Name, func(opts map[string]any) (pipeline.Stage, error) {
		return dates.New(opts)
	})
	r.Register(events.Name, func(opts map[string]any) (pipeline.Stage, error) {
		o, err := events.ParseOptions(opts)
		if err != nil {
			return nil, err
		}
		return events.New(o)
	})
	r.Register(relations.Name, func(opts map[string]any) (pipeline.Stage, error) {
		o, err := relations.ParseOptions(opts)
		if err != nil {
			return nil, err
		}
		var g relations.Gazetteer
		if env.Gazetteer != nil {
			g = gazOffices{env.Gazetteer}
		}
		return relations.New(o, g)
	})
}

// noOptions rejects options for stages that take none.
func noOptions(stage string, opts map[string]any) error {
	for k := range opts {
		return fmt.Errorf("extract: stage %s takes no option %q", stage, k)
	}
	return nil
}
