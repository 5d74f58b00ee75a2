// Package ownertest makes owners that are gone, for tests of sweeps.
package ownertest

import (
	"os/exec"
	"testing"

	"github.com/mallbots/mallbots/harness/owner"
)

// Killed returns a process that ran and was killed with SIGKILL, as a
// harness can be: whatever it marked as its own is now abandoned.
func Killed(tb testing.TB) owner.Process {
	tb.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start a stand-in owner: %v", err)
	}
	p, ok := owner.Of(cmd.Process.Pid)
	if err := cmd.Process.Kill(); err != nil || !ok {
		tb.Fatalf("stand-in owner %d: described %v, killed: %v", cmd.Process.Pid, ok, err)
	}
	_ = cmd.Wait() // "signal: killed"
	return p
}
