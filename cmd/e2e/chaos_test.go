package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestChaosPrintsCountsPerFault runs one short phase of `e2e chaos`: it
// prints the fault's row and the verdict, writes chaos.json with the
// counts, exits 0, and leaves nothing behind.
func TestChaosPrintsCountsPerFault(t *testing.T) {
	h := build(t)
	reports := t.TempDir()
	out, err := h.output(h.command("chaos", "--faults", "sms-failing", "--rate", "5", "--window", "2s",
		"--at", "500ms", "--down", "1s", "--until", "approved", "--reports", reports))
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "sms-failing")
	assert.Contains(t, string(out), "passed: 1 phases")
	var rep struct {
		Phases []struct {
			Fault  string `json:"fault"`
			Counts struct {
				Accepted  int `json:"accepted"`
				Approved  int `json:"approved"`
				SMS       int `json:"sms"`
				Orders    int `json:"orders"`
				OutboxRow int `json:"outboxRows"`
			} `json:"counts"`
		} `json:"phases"`
	}
	data, err := os.ReadFile(filepath.Join(reports, "chaos.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &rep))
	require.Len(t, rep.Phases, 1)
	c := rep.Phases[0].Counts
	assert.Positive(t, c.Accepted)
	assert.Equal(t, c.Accepted, c.Approved)
	assert.Equal(t, c.Orders, c.SMS, "every order's SMS arrived although every second send failed")
	h.assertNothingLeft(t)
}

// TestChaosRefusesBadSettingsBeforeStarting: an unknown fault, a fault
// outside the window and the remote runtime are usage errors (exit 2) that
// say what to do, before anything starts.
func TestChaosRefusesBadSettingsBeforeStarting(t *testing.T) {
	h := build(t)
	for args, want := range map[string][]string{
		"unknown": {"--faults", "kill-orderin"}, "window": {"--at", "5s", "--window", "4s"},
		"remote": {"--runtime", "remote"},
	} {
		out, err := h.command(append([]string{"chaos"}, want...)...).CombinedOutput()
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%s: %s", args, out)
		assert.Equal(t, 2, exit.ExitCode(), args)
		assert.NotContains(t, string(out), "system up", args)
	}
	out, _ := h.command("chaos", "--faults", "kill-orderin").CombinedOutput()
	assert.Contains(t, string(out), "unknown fault kill-orderin; this runtime and topology offer: kill-stores")
	out, err := h.command("chaos", "--list").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "kill-saga")
	assert.NotContains(t, string(out), "nats-pause", "the local runtime cannot pause NATS")
}
