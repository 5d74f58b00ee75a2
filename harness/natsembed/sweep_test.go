package natsembed_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/harness/owner"
	"github.com/mallbots/mallbots/harness/owner/ownertest"
)

// TestStartSweepsTheStoresOfEndedProcesses: a store folder whose owner
// ended without Close (killed) is removed by the next Start; those of live
// processes, and folders without an owner, stay. The new store names this
// process as its owner.
func TestStartSweepsTheStoresOfEndedProcesses(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	store := func(name string, mark func(string) error) string {
		dir := filepath.Join(os.TempDir(), name)
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "jetstream"), 0o700))
		if mark != nil {
			require.NoError(t, mark(dir))
		}
		return dir
	}
	orphan := store("natsembed-orphan", ownertest.Killed(t).Mark)
	live := store("natsembed-live", owner.Mark)
	unmarked := store("natsembed-unmarked", nil)

	srv := natsembed.StartTB(t)
	require.NoDirExists(t, orphan, "the store of a killed process")
	require.DirExists(t, live)
	require.DirExists(t, unmarked)
	mine, err := owner.ReadMarker(srv.StoreDir())
	require.NoError(t, err)
	require.Equal(t, owner.Self(), mine)
}
