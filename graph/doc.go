// Package graph merges finished documents into one relationship graph and
// exports it for Graphviz, Gephi, yEd, NetworkX, D3 and Neo4j.
//
// Nodes are reconciled entities (and, with Options.Events, events); an Edge
// joins an ordered pair of nodes and carries a list of typed Ties, so several
// relation types between the same pair coexist although the underlying
// github.com/dominikbraun/graph store keeps one edge per pair. Each Tie counts
// its occurrences and documents, the first and last date seen, and keeps the
// evidence sentences of its first occurrences (capped, with the total kept in
// Weight). Directed relation types keep their direction; cooperates_with is
// symmetric and stored once, from the smaller node id to the larger.
//
// github.com/dominikbraun/graph holds the structure (Store) and computes
// what it does well and deterministically: Analyze takes degrees from its
// adjacency and predecessor maps and the connected components from its
// StronglyConnectedComponents. Its ShortestPath is not used: it picks among
// equally short paths in Go map order, so the same graph would print
// different paths from run to run; callers who accept that can run it on
// Store(). Every error of the store is returned (Builder.Add, Filter,
// Analyze); edges are found through the Graph's own index, not by type
// assertions on edge data.
//
// A Builder merges one document at a time, so memory grows with the number
// of distinct entities and relations, not with the number of documents.
// Filter selects entity types, relation types, a minimum weight and the top
// nodes; Analyze computes degrees, strongest ties and connected components;
// the Write* functions and Export produce DOT, JSON node-link, GraphML, GEXF,
// Neo4j import CSV, and SVG/PNG through Graphviz.
//
// The package reads documents and never feeds the pipeline: neither pipeline
// nor extract imports it.
package graph
