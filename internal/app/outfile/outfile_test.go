//go:build unix

package outfile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, path, text string) error {
	t.Helper()
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, text); err != nil {
		t.Fatal(err)
	}
	return f.Commit()
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemp checks that no temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestNewFileTakesUmaskMode(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	p := filepath.Join(dir, "out.json")
	if err := write(t, p, "new"); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if got := info.Mode().Perm(); got != 0o640 {
		t.Errorf("mode %v, want -rw-r----- (0666 less umask 027)", got)
	}
	if read(t, p) != "new" {
		t.Error("content not written")
	}
	noTemp(t, dir)
}

func TestReplaceKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := os.WriteFile(p, []byte("old"), 0o604); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, 0o604)
	if err := write(t, p, "new"); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if got := info.Mode().Perm(); got != 0o604 {
		t.Errorf("mode %v after replacing, want -rw----r--", got)
	}
	if read(t, p) != "new" {
		t.Error("content not replaced")
	}
	noTemp(t, dir)
}

func TestAbortLeavesFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	os.WriteFile(p, []byte("old"), 0o644)
	f, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "half a run")
	f.Abort()
	if read(t, p) != "old" {
		t.Error("an aborted run changed the file")
	}
	noTemp(t, dir)
}

func TestReadOnlyRefused(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	os.WriteFile(p, []byte("keep me"), 0o444)
	os.Chmod(p, 0o444)
	err := write(t, p, "new")
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "read-only") && !strings.Contains(err.Error(), "permission") {
		t.Fatalf("error %v, want a refusal naming %s", err, p)
	}
	if read(t, p) != "keep me" {
		t.Error("read-only file overwritten")
	}
	noTemp(t, dir)
}

func TestSymlinkFollowed(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := write(t, link, "new"); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if read(t, real) != "new" {
		t.Error("the link's target was not written")
	}
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want -rw-------", info.Mode().Perm())
	}
	// A dangling link: the file it names is created.
	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink("sub/../created.json", dangling)
	if err := write(t, dangling, "made"); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dir, "created.json")) != "made" {
		t.Error("dangling link's target not created")
	}
	noTemp(t, dir)
}

func TestFIFOWrittenDirectly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(p) // opens the reading end, so Create's open returns
		got <- string(b)
	}()
	if err := write(t, p, "through the pipe"); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("read %q from the FIFO", s)
	}
	if info, _ := os.Lstat(p); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", info.Mode())
	}
	noTemp(t, dir)
}

// TestDeviceWrittenDirectly writes to a null device made for the test
// (root only), never to the system's /dev/null, which a failure would
// destroy.
func TestDeviceWrittenDirectly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skip("cannot make a device node (needs root):", err)
	}
	if err := write(t, p, "discarded"); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Lstat(p)
	if info.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("the device became %v", info.Mode())
	}
	noTemp(t, dir)
}

func TestDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	if err := write(t, dir, "x"); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("error %v, want 'is a directory'", err)
	}
	if err := write(t, filepath.Join(dir, "no", "such", "out.json"), "x"); err == nil || !strings.Contains(err.Error(), "no such") {
		t.Errorf("error %v, want the missing folder", err)
	}
}

func TestHardLinkWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	os.WriteFile(a, []byte("old"), 0o644)
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	if err := write(t, a, "new"); err != nil {
		t.Fatal(err)
	}
	if read(t, b) != "new" {
		t.Error("the other name of the file still holds the old content")
	}
}
