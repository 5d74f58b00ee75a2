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

// TestLoadPrintsTheSummaryWritesReportsAndCleansUp runs `e2e load` for two
// seconds: it prints the stages table and the resources, writes load.json
// and an offline load.html, exits 0 with every order completed, and leaves
// no process, temp folder or shared memory behind.
func TestLoadPrintsTheSummaryWritesReportsAndCleansUp(t *testing.T) {
	h := build(t)
	reports := t.TempDir()
	out, err := h.output(h.command("load", "--rate", "5", "--duration", "2s", "--reports", reports))
	require.NoError(t, err, "%s", out)
	for _, want := range []string{"open loop 5/s for 2s", "approved", "completed", "postgres", "total peak memory"} {
		assert.Contains(t, string(out), want)
	}
	var res struct {
		Accepted    int `json:"accepted"`
		NotTerminal int `json:"notTerminal"`
	}
	data, err := os.ReadFile(filepath.Join(reports, "load.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &res))
	assert.Positive(t, res.Accepted)
	assert.Zero(t, res.NotTerminal)
	page, err := os.ReadFile(filepath.Join(reports, "load.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(page), "<script")
	h.assertNothingLeft(t)
}

// TestLoadRefusesContradictoryFlags: a rate and a concurrency at once is a
// usage error (exit 2) that says what to do, before anything starts.
func TestLoadRefusesContradictoryFlags(t *testing.T) {
	h := build(t)
	out, err := h.command("load", "--rate", "5", "--concurrency", "2").CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "%s", out)
	assert.Equal(t, 2, exit.ExitCode())
	assert.Contains(t, string(out), "not both")
}
