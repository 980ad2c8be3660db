// Package config loads entente's configuration into one Config struct:
// built-in defaults, then entente.yaml (the current directory, or the file
// named by --config), then ENTENTE_* environment variables, then command
// line flags, each overriding the one before.
//
// Decoding is strict: a key entente does not know is an error naming the
// key and the file, so a misspelt option never goes silently unused.
// Options of individual stages (key stages.<name>) are passed through as
// maps; each stage validates its own when it is built.
//
// It belongs to the faces of entente (internal/app: the CLI, the HTTP
// service, the queue workers); stages and the library packages below them
// do not import it.
package config
