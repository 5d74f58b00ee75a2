package owner_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/owner"
	"github.com/mallbots/mallbots/harness/owner/ownertest"
)

func TestAKilledProcessIsGoneAlreadyAsAZombie(t *testing.T) {
	cmd := exec.Command("sleep", "60")
	require.NoError(t, cmd.Start())
	p, ok := owner.Of(cmd.Process.Pid)
	require.True(t, ok)
	require.False(t, p.Gone(), "a running process")
	require.NoError(t, cmd.Process.Kill())
	require.Eventually(t, p.Gone, 5*time.Second, 10*time.Millisecond, "killed but not yet waited for: gone")
	_ = cmd.Wait()
	assert.True(t, p.Gone())
	assert.False(t, owner.Self().Gone())
}

func TestGoneOnlyWhenProvable(t *testing.T) {
	me := owner.Self()
	require.NotEmpty(t, me.Boot)
	require.NotEmpty(t, me.PIDNS)
	require.NotEmpty(t, me.Start)
	with := func(change func(*owner.Process)) owner.Process {
		p := me
		change(&p)
		return p
	}
	for _, c := range []struct {
		name string
		p    owner.Process
		gone bool
	}{
		{"this process", me, false},
		{"another host", with(func(p *owner.Process) { p.Host += "-elsewhere"; p.PID = ownertest.Killed(t).PID }), false},
		{"before a reboot", with(func(p *owner.Process) { p.Boot = "an-earlier-boot" }), true},
		{"another pid namespace", with(func(p *owner.Process) { p.PIDNS = "pid:[1]"; p.PID = ownertest.Killed(t).PID }), false},
		{"a reused pid", with(func(p *owner.Process) { p.Start = "1" }), true},
		{"an older record without boot, namespace and start", owner.Process{Host: me.Host, PID: me.PID}, false},
		{"an ended process", ownertest.Killed(t), true},
		{"no pid", with(func(p *owner.Process) { p.PID = 0 }), false},
	} {
		t.Run(c.name, func(t *testing.T) { assert.Equal(t, c.gone, c.p.Gone()) })
	}
}

func TestMarkerRoundTrip(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, owner.Mark(dir))
	got, err := owner.ReadMarker(dir)
	require.NoError(t, err)
	assert.Equal(t, owner.Self(), got)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "nothing but the marker")

	require.NoError(t, os.WriteFile(filepath.Join(dir, owner.MarkerName), []byte("pid=12\n"), 0o644))
	_, err = owner.ReadMarker(dir)
	assert.ErrorContains(t, err, "no host or pid")
}

func TestSweepDirsRemovesOnlyFoldersOfGoneOwners(t *testing.T) {
	parent := t.TempDir()
	dir := func(name string, mark func(string) error) string {
		path := filepath.Join(parent, name)
		require.NoError(t, os.MkdirAll(filepath.Join(path, "data"), 0o700))
		if mark != nil {
			require.NoError(t, mark(path))
		}
		return path
	}
	dead := ownertest.Killed(t)
	require.True(t, dead.Gone())
	orphan := dir("run-orphan", dead.Mark)
	stuck := dir("run-stuck", dead.Mark)
	live := dir("run-live", owner.Mark)
	unmarked := dir("run-unmarked", nil)
	garbled := dir("run-garbled", func(path string) error {
		return os.WriteFile(filepath.Join(path, owner.MarkerName), []byte("?"), 0o644)
	})
	other := dir("other-orphan", dead.Mark)
	var released []string
	release := func(path string) error {
		released = append(released, path)
		if path == stuck {
			return errors.New("still in use")
		}
		return nil
	}

	removed, err := owner.SweepDirs(parent, "run-*", release)
	assert.ErrorContains(t, err, "still in use")
	assert.Equal(t, []string{orphan}, removed)
	assert.ElementsMatch(t, []string{orphan, stuck}, released, "release is called for gone owners only")
	assert.NoDirExists(t, orphan)
	for _, kept := range []string{stuck, live, unmarked, garbled, other} {
		assert.DirExists(t, kept)
	}
}
