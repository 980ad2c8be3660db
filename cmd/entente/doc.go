// Command entente turns news articles into structured knowledge: the
// people, countries, organizations, places and dated events they mention,
// reconciled against a gazetteer, and the relationship graph between them.
//
// root.go holds rootCmd and the persistent flags; each subcommand lives in
// its own file and attaches itself to rootCmd in an init function. app.go
// builds the configured pipeline once and runs it over inputs for any
// command (see its top comment).
package main
