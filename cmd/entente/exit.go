package main

// exit.go: entente's exit statuses, and turning command-line errors into
// messages in the program's words.

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit statuses (README, "Exit status"). Warnings (an unreadable
// publication date, an unknown format hint) never change the status.
const (
	// exitOK: every document was processed (some perhaps with warnings).
	exitOK = 0
	// exitFailed: some documents failed, or the run stopped on an error
	// (an output that could not be written).
	exitFailed = 1
	// exitUsage: the command line or the configuration is wrong (an
	// unknown flag, a bad value, a misspelt key, a missing gazetteer
	// file); nothing was processed.
	exitUsage = 2
)

// usageError marks an error in what the user asked for (flags,
// arguments, configuration), found before any work: exit status 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usage marks err (when not nil) as a usage error.
func usage(err error) error {
	if err == nil {
		return nil
	}
	return &usageError{err}
}

// exitCode returns the exit status for a command's error; started says
// whether the command's own code ran (errors before it, from flags and
// arguments, are usage errors).
func exitCode(err error, started bool) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue), !started:
		return exitUsage
	}
	return exitFailed
}

// markStarted wraps the RunE of every command under c so that started
// records that a command's own code began (after its flags and arguments
// were accepted).
func markStarted(c *cobra.Command, started *bool) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			*started = true
			return run(cmd, args)
		}
	}
	for _, sub := range c.Commands() {
		markStarted(sub, started)
	}
}

// flagError says what is wrong with a flag in the program's words:
// `flag --workers: "2.5" is not a whole number`, not strconv's.
func flagError(cmd *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) {
		f := ive.GetFlag()
		return usage(fmt.Errorf("flag --%s: %q is not %s (see %s --help)", f.Name, ive.GetValue(), flagWants(f.Value.Type()), cmd.CommandPath()))
	}
	return usage(fmt.Errorf("%w (see %s --help)", err, cmd.CommandPath()))
}

// plainPathError drops the operation and path an *fs.PathError carries
// ("open x.txt: no such file or directory" → "no such file or
// directory"), for messages that name the file themselves.
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// flagWants says what a flag of pflag's type name takes.
func flagWants(typ string) string {
	switch {
	case strings.HasPrefix(typ, "int"), strings.HasPrefix(typ, "uint"):
		return "a whole number"
	case strings.HasPrefix(typ, "float"):
		return "a number"
	case typ == "bool":
		return "true or false"
	case typ == "duration":
		return "a duration such as 30s, 2m or 1h30m"
	}
	return "a valid " + typ
}
