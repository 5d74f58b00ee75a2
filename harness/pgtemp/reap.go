package pgtemp

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// instancePattern names the servers' temporary folders.
	instancePattern = "pgtemp-*"
	// ownerFile, in a server folder, holds the pid of the process that made it.
	ownerFile = "pgtemp.owner"
	// reapMinAge keeps the reaper away from folders being set up right now.
	reapMinAge = time.Minute
)

// writeOwner records this process as the owner of the server folder dir.
func writeOwner(dir string) error {
	return os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
}

// reapOrphans removes server folders under parent whose owner process is
// gone, such as those of a test binary killed by `go test -timeout` before
// its Cleanup ran (its postgres died with it through the parent-death
// signal). Folders without an owner file are left alone. Best effort.
func reapOrphans(parent string) {
	dirs, _ := filepath.Glob(filepath.Join(parent, instancePattern))
	for _, dir := range dirs {
		if orphaned(dir) {
			_ = os.RemoveAll(dir)
		}
	}
}

func orphaned(dir string) bool {
	path := filepath.Join(dir, ownerFile)
	info, err := os.Stat(path)
	if err != nil || time.Since(info.ModTime()) < reapMinAge {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 {
		return false
	}
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}

// removeDir removes dir and everything in it.
func removeDir(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove %s: %w", dir, err)
	}
	return nil
}
