//go:build linux

package pgtemp_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/owner"
	"github.com/mallbots/mallbots/harness/pgtemp"
)

// ownerParentEnv makes TestHelperOwnsAServer start a server under the
// folder it names, print the server's folder and wait to be killed.
const ownerParentEnv = "PGTEMP_TEST_OWNER_PARENT"

func TestHelperOwnsAServer(t *testing.T) {
	parent := os.Getenv(ownerParentEnv)
	if parent == "" {
		t.Skip("the owner process of TestSweepRemovesWhatAKilledOwnerLeft")
	}
	srv := pgtemp.StartTB(t, pgtemp.WithTempDir(parent))
	os.Stdout.WriteString(srv.Dir() + "\n")
	<-t.Context().Done() // until killed
}

// TestSweepRemovesWhatAKilledOwnerLeft kills a process that owns a server
// (this test binary, run again) as SIGKILL kills a harness: its postgres
// dies with it, its folder and shared memory segment stay. Sweep removes
// both, and leaves the server of a live owner alone.
func TestSweepRemovesWhatAKilledOwnerLeft(t *testing.T) {
	parent := reachableTempDir(t)
	live := pgtemp.StartTB(t, pgtemp.WithTempDir(parent))
	dir, postmaster := startKilledOwner(t, parent)

	require.DirExists(t, dir, "SIGKILL leaves the folder")
	shmid := segmentOf(t, dir)
	require.Contains(t, sharedMemoryIDs(t), shmid, "SIGKILL leaves the shared memory segment")
	require.Eventually(t, postmaster.Gone, 10*time.Second, 10*time.Millisecond, "postgres dies with its owner")

	// The backends notice their postmaster's death a moment later.
	var removed []string
	require.Eventually(t, func() bool {
		more, _ := pgtemp.Sweep(parent)
		removed = append(removed, more...)
		return len(removed) > 0
	}, 10*time.Second, 10*time.Millisecond)
	assert.Contains(t, removed, dir)
	assert.NoDirExists(t, dir)
	assert.NotContains(t, sharedMemoryIDs(t), shmid)
	assert.DirExists(t, live.Dir(), "the live server's folder stays")
	queryDatabase(t, testContext(t), live.DSN("postgres"), "postgres")
}

// startKilledOwner runs TestHelperOwnsAServer, kills it once its server is
// up and returns the server's folder and postmaster.
func startKilledOwner(t *testing.T, parent string) (string, owner.Process) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperOwnsAServer$", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), ownerParentEnv+"="+parent)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err, "the owner prints its server's folder")
	dir := strings.TrimSpace(line)
	postmaster, ok := owner.Of(postmasterPID(t, dir))
	require.True(t, ok, "postgres runs")
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	return dir, postmaster
}

// postmasterLines is the server's postmaster.pid, line by line.
func postmasterLines(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	require.GreaterOrEqual(t, len(lines), 7, "postmaster.pid: %s", data)
	return lines
}

func postmasterPID(t *testing.T, dir string) int {
	pid, err := strconv.Atoi(strings.TrimSpace(postmasterLines(t, dir)[0]))
	require.NoError(t, err)
	return pid
}

// segmentOf is the id of the shared memory segment the server recorded.
func segmentOf(t *testing.T, dir string) string {
	f := strings.Fields(postmasterLines(t, dir)[6])
	require.Len(t, f, 2, "postmaster.pid line 7: key and id")
	return f[1]
}

// sharedMemoryIDs lists the System V shared memory segments' ids.
func sharedMemoryIDs(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("/proc/sysvipc/shm")
	require.NoError(t, err)
	var ids []string
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if f := strings.Fields(line); len(f) > 1 {
			ids = append(ids, f[1])
		}
	}
	return ids
}
