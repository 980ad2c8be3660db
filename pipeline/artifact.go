package pipeline

// Artifact names a part of the Document that a stage fills and later
// stages read. Stages declare the artifacts they require and provide in
// their Spec; Registry.Build checks a pipeline's order against them.
const (
	// ArtifactDocument is the validated input: Original, Format and the
	// metadata (Title, Authors, URL, Published, Meta). ingest provides it.
	ArtifactDocument = "document"
	// ArtifactText is the clean text: Text, Offsets and Boilerplate.
	ArtifactText = "text"
	// ArtifactBlocks are the kinds of the text's blocks (Blocks).
	ArtifactBlocks = "blocks"
	// ArtifactSentences are the sentence spans (Sentences).
	ArtifactSentences = "sentences"
	// ArtifactTokens are the tagged tokens (Tokens).
	ArtifactTokens = "tokens"
	// ArtifactParse is the dependency parse on the tokens (Token.Head,
	// Token.Dep, Token.UPOS).
	ArtifactParse = "parse"
	// ArtifactEntities are the mentions and the entities they refer to.
	ArtifactEntities = "entities"
	// ArtifactCoref are the coreferences of pronouns and descriptions
	// (Coreferences).
	ArtifactCoref = "coref"
	// ArtifactDates are the temporal expressions (Dates).
	ArtifactDates = "dates"
	// ArtifactEvents are the events (Events).
	ArtifactEvents = "events"
	// ArtifactRelations are the relations between entities (Relations).
	ArtifactRelations = "relations"
)

// Artifacts lists every artifact name, in the order the default pipeline
// produces them.
var Artifacts = []string{
	ArtifactDocument, ArtifactText, ArtifactBlocks, ArtifactSentences, ArtifactTokens,
	ArtifactParse, ArtifactEntities, ArtifactCoref, ArtifactDates, ArtifactEvents, ArtifactRelations,
}
