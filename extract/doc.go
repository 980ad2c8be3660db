// Package extract wires entente's extraction stages into a pipeline
// registry. Each stage lives in its own subpackage (nlp, entities, dates,
// events, relations, ...); Register makes them available by name.
package extract
