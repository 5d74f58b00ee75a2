package pgtemp

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
)

// initdbArgs are the initdb settings of the template cluster. They are
// recorded in the template's marker file, so changing them rebuilds caches.
var initdbArgs = []string{
	"--username=postgres",
	"--auth=trust",
	"--encoding=UTF8",
	"--locale=C",
	"--no-sync",
	"--wal-segsize=1", // 1 MB WAL segments instead of 16 MB: less to copy per Start
}

// templateMarker is written into a finished template cluster.
const templateMarker = "pgtemp-template"

// initdbRuns counts initdb runs in this process (for tests).
var initdbRuns atomic.Int64

// ensureTemplate returns the folder of an initialised template cluster for
// the binaries' major version, running initdb only when no valid template
// is cached. Concurrent callers (in any process) are serialised with a lock
// file; the template appears atomically by renaming a complete folder.
func ensureTemplate(ctx context.Context, bins binaries, cacheDir string, u runUser) (string, error) {
	dir := filepath.Join(cacheDir, "pgtemplate-"+strconv.Itoa(bins.major))
	if templateValid(dir, bins.major) {
		return dir, nil
	}
	unlock, err := lockFile(ctx, dir+".lock")
	if err != nil {
		return "", fmt.Errorf("template: %w", err)
	}
	defer unlock()
	if templateValid(dir, bins.major) { // built while we waited
		return dir, nil
	}
	if err := removeStaleTemplates(dir); err != nil {
		return "", fmt.Errorf("template: %w", err)
	}
	if err := buildTemplate(ctx, bins, dir, u); err != nil {
		return "", fmt.Errorf("template: %w", err)
	}
	return dir, nil
}

// removeStaleTemplates removes an invalid template at dir and half-copied
// ones left next to it by a process that died while publishing. Only the
// holder of the template lock may call it.
func removeStaleTemplates(dir string) error {
	stale, _ := filepath.Glob(publishPattern(dir))
	for _, path := range append(stale, dir) {
		if err := removeDir(path); err != nil {
			return err
		}
	}
	return nil
}

// templateValid reports whether dir holds a finished template of major.
func templateValid(dir string, major int) bool {
	version, err := os.ReadFile(filepath.Join(dir, "PG_VERSION"))
	if err != nil || strings.TrimSpace(string(version)) != strconv.Itoa(major) {
		return false
	}
	marker, err := os.ReadFile(filepath.Join(dir, templateMarker))
	return err == nil && string(marker) == markerContent()
}

func markerContent() string {
	return strings.Join(initdbArgs, "\n") + "\n"
}

// buildTemplate runs initdb in a staging folder under os.TempDir() (which
// the run user can reach even when the cache is under root's home), then
// copies the result next to dir and renames it into place.
func buildTemplate(ctx context.Context, bins binaries, dir string, u runUser) error {
	if err := u.checkReachable(os.TempDir()); err != nil {
		return err
	}
	stage, err := os.MkdirTemp("", stagePattern)
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	if err := writeOwner(stage); err != nil {
		return err
	}
	if err := u.chown(stage); err != nil {
		return fmt.Errorf("chown staging folder: %w", err)
	}
	data := filepath.Join(stage, "data")
	if err := runInitdb(ctx, bins, stage, data, u); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(data, templateMarker), []byte(markerContent()), 0o600); err != nil {
		return err
	}
	return publishTemplate(data, dir)
}

func runInitdb(ctx context.Context, bins binaries, workDir, data string, u runUser) error {
	args := append([]string{"--pgdata=" + data}, initdbArgs...)
	cmd := exec.CommandContext(ctx, bins.initdb, args...)
	cmd.Dir = workDir
	cmd.Env = childEnv()
	cmd.SysProcAttr = sysProcAttr(u)
	cmd.Cancel = func() error { // initdb runs postgres children: kill its group
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	initdbRuns.Add(1)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("initdb as %s: %w\n%s", u.name, err, lastLines(out.String(), logTailLines))
	}
	return nil
}

// publishPattern names the temporary folders in which the template at dir
// is copied before it is renamed into place.
func publishPattern(dir string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+"-*")
}

// publishTemplate copies the cluster at data into a temporary folder next
// to dir, owned by the current user, and renames it to dir.
func publishTemplate(data, dir string) error {
	parent, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(publishPattern(dir)))
	if err != nil {
		return err
	}
	defer os.RemoveAll(parent)
	tmp := filepath.Join(parent, "cluster")
	if err := copyTree(data, tmp, runUser{}); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("publish template: %w", err)
	}
	return nil
}
