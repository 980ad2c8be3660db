// Command entente turns news articles into structured knowledge: the
// people, countries, organizations, places and dated events they mention,
// reconciled against a gazetteer, and the relationship graph between them.
//
// root.go holds newRootCmd, which builds the command tree (the persistent
// flags and every subcommand, each made by a newXxxCmd constructor in its
// own file) around a fresh session (session.go: the persistent flags'
// values and the logger; no package-level state, so tests run commands in
// parallel). app.go builds the configured pipeline once and runs it over
// inputs for any command (see its top comment).
package main
