package extract

import (
	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/pipeline"
)

// LoadEnv builds the shared resources once: prose's models, the embedded
// entity tagger and dependency parser, and the embedded gazetteer with gazetteerFiles on top.
// proseNER also loads prose's entity model for the nlp stage.
func LoadEnv(proseNER bool, gazetteerFiles ...string) (Env, error) {
	models, err := nlp.SharedModels()
	if err != nil {
		return Env{}, err
	}
	ner, err := nermodel.Default()
	if err != nil {
		return Env{}, err
	}
	gaz, err := gazetteer.Load(gazetteerFiles...)
	if err != nil {
		return Env{}, err
	}
	parser, err := depparse.Default()
	if err != nil {
		return Env{}, err
	}
	return Env{Models: models, ProseNER: proseNER, NER: ner, Gazetteer: gaz, Parser: parser}, nil
}

// BuildStages builds the named stages on env; opts maps a stage name to its
// options.
func BuildStages(env Env, names []string, opts map[string]map[string]any) ([]pipeline.Stage, error) {
	return NewRegistry(env).Build(names, opts)
}

// BuildStagesGiven is BuildStages for documents that already carry the
// given artifacts (see pipeline.Registry.BuildGiven): an evaluation that
// makes documents of clean text runs []string{"nlp", "entities"} given
// []string{pipeline.ArtifactDocument, pipeline.ArtifactText}.
func BuildStagesGiven(env Env, given, names []string, opts map[string]map[string]any) ([]pipeline.Stage, error) {
	return NewRegistry(env).BuildGiven(given, names, opts)
}
