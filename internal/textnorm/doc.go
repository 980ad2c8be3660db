// Package textnorm folds and slugs names so that entente compares them the
// way a reader does: case-insensitively, with diacritics removed.
//
// It is the shared text library: any package of entente may import it,
// and it imports none of them.
package textnorm
