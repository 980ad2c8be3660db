package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is an output file being written. Write to it, then call Commit to
// make the output visible (or Abort to leave the target as it was, when
// the target is a regular file).
type File struct {
	f      *os.File
	target string // the resolved path: symbolic links followed
	tmp    string // the temporary file renamed over target; "" when writing directly
	done   bool
}

// Create opens path for writing a command's output; see the package
// comment for what it does with each kind of target. The error names path
// and the problem.
func Create(path string) (*File, error) {
	target, err := resolve(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createNew(path, target)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, plain(err))
	case info.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not a file", path)
	case !info.Mode().IsRegular():
		// A device, FIFO or socket: write to it as it is.
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, plain(err))
		}
		return &File{f: f, target: target}, nil
	}
	if err := writable(target, info); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if links(info) > 1 {
		// Renaming would cut the file from its other names: write in place.
		return openInPlace(path, target)
	}
	f, tmp, err := createTemp(target, info.Mode().Perm())
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			// The file is writable but its folder is not: write in place.
			return openInPlace(path, target)
		}
		return nil, fmt.Errorf("%s: %w", path, plain(err))
	}
	// The replacement keeps the file's mode (not the umask's) and, when we
	// may, its owner.
	if err := f.Chmod(info.Mode().Perm()); err != nil {
		f.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("%s: %w", path, plain(err))
	}
	keepOwner(f, info)
	return &File{f: f, target: target, tmp: tmp}, nil
}

// createNew creates the output in a folder where it does not exist yet.
func createNew(path, target string) (*File, error) {
	dir := filepath.Dir(target)
	if info, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("%s: folder %s: %w", path, dir, plain(err))
	} else if !info.IsDir() {
		return nil, fmt.Errorf("%s: %s is not a folder", path, dir)
	}
	f, tmp, err := createTemp(target, 0o666) // the umask applies
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, plain(err))
	}
	return &File{f: f, target: target, tmp: tmp}, nil
}

func openInPlace(path, target string) (*File, error) {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, plain(err))
	}
	return &File{f: f, target: target}, nil
}

// createTemp creates a new file beside target, hidden, with mode perm
// (less the umask).
func createTemp(target string, perm fs.FileMode) (*os.File, string, error) {
	dir, base := filepath.Split(target)
	for try := 0; ; try++ {
		var rnd [6]byte
		_, _ = rand.Read(rnd[:])
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(rnd[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err == nil || !errors.Is(err, fs.ErrExist) || try == 10 {
			return f, name, err
		}
	}
}

// resolve follows the symbolic links of path's last element (the folders
// above are followed by the system) and returns the file they lead to,
// which need not exist.
func resolve(path string) (string, error) {
	for hops := 0; ; hops++ {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", plain(err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		if hops == 40 {
			return "", errors.New("too many symbolic links")
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", plain(err)
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
}

// Write writes to the output.
func (o *File) Write(p []byte) (int, error) { return o.f.Write(p) }

// Name returns the path written, symbolic links followed.
func (o *File) Name() string { return o.target }

// Commit finishes the output: it flushes and closes the file and, for a
// regular file, renames it over the target.
func (o *File) Commit() error {
	if o.done {
		return nil
	}
	o.done = true
	if o.tmp == "" {
		if err := o.f.Close(); err != nil {
			return fmt.Errorf("%s: %w", o.target, plain(err))
		}
		return nil
	}
	if err := o.f.Sync(); err != nil {
		o.f.Close()
		os.Remove(o.tmp)
		return fmt.Errorf("%s: %w", o.target, plain(err))
	}
	if err := o.f.Close(); err != nil {
		os.Remove(o.tmp)
		return fmt.Errorf("%s: %w", o.target, plain(err))
	}
	if err := os.Rename(o.tmp, o.target); err != nil {
		os.Remove(o.tmp)
		return fmt.Errorf("%s: %w", o.target, plain(err))
	}
	return nil
}

// Abort gives up the output: a regular file target is left as it was; a
// special file has received what was written.
func (o *File) Abort() {
	if o.done {
		return
	}
	o.done = true
	o.f.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}

// plain drops the operation and path an *fs.PathError carries (callers
// name the file themselves), so messages read "out.json: permission
// denied", not "open /tmp/.out.json.3f2a.tmp: permission denied".
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
