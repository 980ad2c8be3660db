// Package textnorm folds and slugs names so that entente compares them the
// way a reader does: case-insensitively, with diacritics removed.
package textnorm
