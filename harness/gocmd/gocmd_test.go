package gocmd_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/gocmd"
	"github.com/mallbots/mallbots/harness/owner/ownertest"
)

// TestACancelledBuildLeavesNothing cancels a go build once it works (its
// work folder exists): Output returns and no folder of it is left, nor the
// folder a killed run's build left before.
func TestACancelledBuildLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	killedRuns := filepath.Join(tmp, "mallbots-go-killed")
	require.NoError(t, os.Mkdir(killedRuns, 0o700))
	require.NoError(t, ownertest.Killed(t).Mark(killedRuns))

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go cancelOnceWorking(ctx, cancel, tmp)
	out, err := gocmd.Output(ctx, ".", []string{"GOCACHE=" + t.TempDir()}, "build", "-a", "-o", os.DevNull, "std")
	require.Error(t, err, "the build was cancelled: %s", out)
	require.NotNil(t, ctx.Err(), "cancelled, not failed: %s", out)
	assert.Empty(t, glob(t, tmp, "*"), "left in TMPDIR")
}

// cancelOnceWorking cancels once a go command's work folder is in dir.
func cancelOnceWorking(ctx context.Context, cancel func(), dir string) {
	defer cancel()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		for _, pattern := range []string{"go-build*", "mallbots-go-*/go-build*"} {
			if found, _ := filepath.Glob(filepath.Join(dir, pattern)); len(found) > 0 {
				return
			}
		}
	}
}

func glob(t *testing.T, dir, pattern string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, pattern))
	require.NoError(t, err)
	return found
}
