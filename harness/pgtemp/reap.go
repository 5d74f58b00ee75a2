package pgtemp

import (
	"errors"
	"fmt"
	"os"

	"github.com/mallbots/mallbots/harness/owner"
)

const (
	// instancePattern names the servers' temporary folders.
	instancePattern = "pgtemp-*"
	// stagePattern names the folders in which initdb builds a template.
	stagePattern = "pginitdb-*"
)

// writeOwner records this process as the owner of the server folder dir,
// for Sweep to tell whether it is still in use.
func writeOwner(dir string) error { return owner.Mark(dir) }

// Sweep removes the server folders under parent (os.TempDir() when empty)
// of processes that ended without stopping their server (SIGKILL, `go test
// -timeout`), with the shared memory segment their postgres left: postgres
// itself died with its parent (parent-death signal), but neither its folder
// nor its System V segment did. So too the folders of template builds such
// processes left in os.TempDir(). Folders of live processes stay. It
// returns the folders removed.
func Sweep(parent string) ([]string, error) {
	if parent == "" {
		parent = os.TempDir()
	}
	servers, errServers := owner.SweepDirs(parent, instancePattern, releaseSharedMemory)
	stages, errStages := owner.SweepDirs(os.TempDir(), stagePattern, releaseSharedMemory)
	if err := errors.Join(errServers, errStages); err != nil {
		return append(servers, stages...), fmt.Errorf("postgres: %w", err)
	}
	return append(servers, stages...), nil
}

// reapOrphans is Sweep at Start, best effort: a folder it cannot remove
// does not stop a new server.
func reapOrphans(parent string) { _, _ = Sweep(parent) }

// removeDir removes dir and everything in it.
func removeDir(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove %s: %w", dir, err)
	}
	return nil
}
