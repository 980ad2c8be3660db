package main

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// version describes the running binary for --version: the module
// version and the version control revision it was built from (both
// recorded by the go command in the binary), and the Go toolchain.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	return versionOf(bi, ok)
}

// versionOf is version for the given build information.
func versionOf(bi *debug.BuildInfo, ok bool) string {
	var b strings.Builder
	b.WriteString("entente ")
	if !ok || bi == nil {
		b.WriteString("(version unknown: built without module information)")
		b.WriteString("\n" + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH)
		return b.String()
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "(development build)"
	}
	b.WriteString(v)
	set := map[string]string{}
	for _, s := range bi.Settings {
		set[s.Key] = s.Value
	}
	if rev := set["vcs.revision"]; rev != "" {
		b.WriteString("\nrevision " + rev)
		if t := set["vcs.time"]; t != "" {
			b.WriteString(" (" + t + ")")
		}
		if set["vcs.modified"] == "true" {
			b.WriteString(", with uncommitted changes")
		}
	} else {
		b.WriteString("\nrevision unknown (built outside a git checkout, or with -buildvcs=false)")
	}
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	b.WriteString("\n" + goVersion + " " + runtime.GOOS + "/" + runtime.GOARCH)
	return b.String()
}
