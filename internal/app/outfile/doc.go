// Package outfile opens the files entente's commands write to (extract -o,
// graph -o, gazetteer export, bench -o) so that nothing a user points them
// at is damaged: a regular file is replaced atomically, keeping its mode,
// and only when the run succeeds; a device, FIFO or other special file
// (-o /dev/null, a named pipe, /dev/stdout) is written directly, never
// replaced; symbolic links are followed, never replaced; a file the user
// may not write (read-only, even to root) is refused with an error naming
// it; a new file gets the mode the umask gives.
//
// It belongs to the faces of entente (internal/app); stages and library
// packages do not import it.
package outfile
