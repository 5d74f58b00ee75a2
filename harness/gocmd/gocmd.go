// Package gocmd runs the go command for the harness (building the system's
// binaries) so that a cancelled run (Ctrl-C) leaves no work folder behind.
package gocmd

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/mallbots/mallbots/harness/owner"
)

// workPattern names the folders the go command works in (GOTMPDIR).
const workPattern = "mallbots-go-*"

// Output runs the go command with args in dir, with env added to the
// environment, and returns its combined output. The go command removes its
// work folder (go-build*) when it ends, but not when it is killed, as it is
// when ctx ends: so it works in a folder of its own under os.TempDir(),
// which Output removes. The folder names this process as its owner, and the
// next call removes those of owners killed meanwhile.
func Output(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	_, _ = owner.SweepDirs(os.TempDir(), workPattern, nil) // best effort
	work, err := os.MkdirTemp("", workPattern)
	if err != nil {
		return nil, fmt.Errorf("go work folder: %w", err)
	}
	defer os.RemoveAll(work)
	if err := owner.Mark(work); err != nil {
		return nil, fmt.Errorf("go work folder: %w", err)
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), env...), "GOTMPDIR="+work)
	return cmd.CombinedOutput()
}
