//go:build !unix

package outfile

import (
	"fmt"
	"io/fs"
	"os"
)

// writable refuses a file whose mode forbids writing.
func writable(path string, info fs.FileInfo) error {
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("the file is read-only (mode %v): make it writable or choose another output", info.Mode().Perm())
	}
	return nil
}

func links(fs.FileInfo) uint64 { return 1 }

func keepOwner(*os.File, fs.FileInfo) {}
