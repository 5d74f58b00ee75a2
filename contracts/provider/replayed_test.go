//go:build pact

package provider

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
)

// replayed records the pact files the verifications replayed, so that a
// full run can tell a pact file no verification reads (a new consumer of
// a provider verified only for named consumers, with verifyFor).
var replayed = struct {
	sync.Mutex
	files map[string]bool
}{files: map[string]bool{}}

func recordReplayed(files []string) {
	replayed.Lock()
	defer replayed.Unlock()
	for _, f := range files {
		replayed.files[filepath.Clean(f)] = true
	}
}

// partialRun reports whether this run cannot have replayed every pact
// file: only some tests ran (-run), or the pacts came from a broker.
func partialRun() bool {
	f := flag.Lookup("test.run")
	return f != nil && f.Value.String() != "" || os.Getenv("PACT_BROKER_BASE_URL") != ""
}

// unreplayed returns the pact files no verification replayed in this run.
func unreplayed() ([]string, error) {
	files, err := filepath.Glob(filepath.Join(pactkit.Dir(), "*.json"))
	if err != nil {
		return nil, err
	}
	replayed.Lock()
	defer replayed.Unlock()
	return slices.DeleteFunc(files, func(f string) bool { return replayed.files[filepath.Clean(f)] }), nil
}

// checkAllReplayed fails a passing full run that left a pact file
// unverified, naming it.
func checkAllReplayed(code int) int {
	if code != 0 || partialRun() {
		return code
	}
	left, err := unreplayed()
	if err != nil {
		fmt.Fprintln(os.Stderr, "list the pact files:", err)
		return 1
	}
	if len(left) > 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d pact files were verified by no test (add their consumer to a verification):\n", len(left))
		for _, f := range left {
			fmt.Fprintln(os.Stderr, "  "+filepath.Base(f))
		}
		return 1
	}
	return 0
}

// TestCheckAllReplayedNamesAnUnverifiedPact: a pact file no verification
// replayed fails the run, by name.
func TestCheckAllReplayedNamesAnUnverifiedPact(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(pactkit.Dir(), "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pact files (%v): run the consumers first", err)
	}
	replayed.Lock()
	saved := replayed.files
	replayed.files = map[string]bool{}
	replayed.Unlock()
	defer func() { replayed.Lock(); replayed.files = saved; replayed.Unlock() }()
	recordReplayed(files[1:])
	left, err := unreplayed()
	if err != nil || !slices.Equal(left, files[:1]) {
		t.Fatalf("unreplayed() = %v, %v; want %v", left, err, files[:1])
	}
}
