package main_test

import (
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTheRunAfterASIGKILLSweepsWhatItLeft kills `e2e up` with SIGKILL,
// which no cleanup survives: its processes die with it (parent-death
// signal), but its NATS and Postgres folders and Postgres' shared memory
// segment stay. The next run removes them, says so, and leaves nothing of
// its own. (The pass, failure and Ctrl-C cases are the other tests of this
// package that end with assertNothingLeft.)
func TestTheRunAfterASIGKILLSweepsWhatItLeft(t *testing.T) {
	h := build(t)
	up := h.command("up")
	stdout, err := up.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, up.Start())
	h.seen.watch(up.Process.Pid)
	readEndpoints(t, stdout)
	h.seen.scan(up.Process.Pid)
	require.NoError(t, up.Process.Signal(syscall.SIGKILL))
	_ = up.Wait()
	h.seen.wait()
	store := assertKilledRunLeft(t, h)

	out, err := h.output(h.command("run", "--features", "testdata/passing.feature", "--reports", t.TempDir()))
	require.NoError(t, err, "%s", out)
	// The NATS folder is in this test's TMPDIR, so this run sweeps it; the
	// Postgres folder is in /dev/shm, where any local run on the machine
	// may sweep it first. Either way, it must be gone now.
	swept := regexp.MustCompile(`local: swept \d+ folders left by killed runs: .*`).FindString(string(out))
	assert.Contains(t, swept, filepath.Base(store), "the sweep names what it removed: %s", out)
	h.assertNothingLeft(t)
}

// assertKilledRunLeft checks what a killed run leaves: no process, but its
// folders and its shared memory segment, which only a sweep removes. It
// returns the NATS folder.
func assertKilledRunLeft(t *testing.T, h harness) string {
	t.Helper()
	require.Eventually(t, func() bool { return len(h.seen.running()) == 0 }, 10*time.Second, 20*time.Millisecond,
		"processes outlived the killed harness: %v", h.seen.running())
	stores, err := filepath.Glob(filepath.Join(h.tmp, "natsembed-*"))
	require.NoError(t, err)
	require.Len(t, stores, 1, "the killed run's NATS folder")
	require.Len(t, h.seen.dirs, 1, "the killed run's Postgres folder")
	for dir := range h.seen.dirs {
		require.DirExists(t, dir)
	}
	require.Len(t, h.seen.segments, 1, "Postgres' shared memory segment")
	left := segments(t)
	for id := range h.seen.segments {
		require.Contains(t, left, id, "the segment outlives the killed Postgres")
	}
	return stores[0]
}
