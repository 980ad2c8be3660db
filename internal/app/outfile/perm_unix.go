//go:build unix

package outfile

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// writable refuses a regular file the user may not write. The system's
// access check lets root write anything, so for root the mode bits decide:
// a file nobody may write is read-only on purpose.
func writable(path string, info fs.FileInfo) error {
	if os.Geteuid() == 0 {
		if info.Mode().Perm()&0o222 == 0 {
			return fmt.Errorf("the file is read-only (mode %v): make it writable or choose another output", info.Mode().Perm())
		}
		return nil
	}
	if err := syscall.Access(path, 2 /* W_OK */); err != nil {
		return fmt.Errorf("no permission to write the file (mode %v)", info.Mode().Perm())
	}
	return nil
}

// links returns how many names the file has.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives f the owner and group of the file it replaces, when the
// process may (root may; others keep their own).
func keepOwner(f *os.File, info fs.FileInfo) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
