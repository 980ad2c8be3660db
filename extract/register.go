package extract

import (
	"github.com/entente-nlp/entente/extract/clean"
	"github.com/entente-nlp/entente/extract/coref"
	"github.com/entente-nlp/entente/extract/dates"
	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/events"
	"github.com/entente-nlp/entente/extract/ingest"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/extract/parse"
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
	// Parser is the dependency parser of the parse stage (depparse.Default(),
	// trained on UD English EWT); nil makes the stage load the default.
	Parser *depparse.Model
}

// Register adds every extraction stage to r, in the order of the default
// pipeline. A new stage adds its Spec here, in one line, at its place in
// that order (Optional when it is not to run by default).
func Register(r *pipeline.Registry, env Env) {
	r.Register(ingest.Spec())
	r.Register(clean.Spec())
	r.Register(nlp.Spec(env.Models, nlp.Options{ProseNER: env.ProseNER}))
	r.Register(parse.Spec(env.Parser))
	r.Register(entities.Spec(entitiesGazetteer(env), entitySources(env)...))
	r.Register(coref.Spec())
	r.Register(dates.Spec())
	r.Register(events.Spec(env.Parser))
	r.Register(relations.Spec(relationsGazetteer(env)))
}

// NewRegistry returns a registry of every extraction stage on env. With a
// zero Env it serves to list the stages and check a pipeline; building the
// nlp stage then fails and the others run without models or gazetteer.
func NewRegistry(env Env) *pipeline.Registry {
	r := pipeline.NewRegistry()
	Register(r, env)
	return r
}

// DefaultPipeline returns the names of the default pipeline's stages, in
// order.
func DefaultPipeline() []string { return NewRegistry(Env{}).Default() }

func entitiesGazetteer(env Env) entities.Gazetteer {
	if env.Gazetteer == nil {
		return nil // a nil interface, not a nil adapter
	}
	return entities.FromGazetteer(env.Gazetteer)
}

func entitySources(env Env) []entities.Source {
	if env.NER == nil {
		return nil
	}
	return []entities.Source{newNERSource(env)}
}

func relationsGazetteer(env Env) relations.Gazetteer {
	if env.Gazetteer == nil {
		return nil
	}
	return gazOffices{env.Gazetteer}
}
