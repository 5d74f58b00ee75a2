package main_test

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/flakes"
	"github.com/mallbots/mallbots/harness/remote/remotetest"
)

// standIn is a stand-in system (package remotetest) whose /api/flaky
// answers 200 and 500 in turn, so that testdata/flaky.feature's scenario
// passes in odd runs and fails in even ones; it returns the environment
// variable that points the remote runtime at it.
func standIn(t *testing.T) string {
	var calls atomic.Int64
	return "MALLBOTS_REMOTE_ENDPOINTS=" + remotetest.StandIn(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path != "/api/flaky":
			http.NotFound(w, r)
		case calls.Add(1)%2 == 0:
			http.Error(w, "flaked", http.StatusInternalServerError)
		}
	}))
}

// TestRepeatedRuns builds the command once for its cases: the stand-in
// runs take a fraction of a second, the build a few.
func TestRepeatedRuns(t *testing.T) {
	h := build(t)
	t.Run("count every run and keep the first failure", func(t *testing.T) { repeatCountsEveryRun(t, h) })
	t.Run("quarantined failures are listed but pass", func(t *testing.T) { quarantinedFailuresPass(t, h) })
	t.Run("a fresh environment for each run", func(t *testing.T) { freshEnvironments(t, h) })
}

func repeatCountsEveryRun(t *testing.T, h harness) {
	reports := t.TempDir()
	cmd := h.command("run", "--runtime", "remote", "--features", "testdata/flaky.feature", "--reports", reports, "--repeat", "4")
	cmd.Env = append(cmd.Env, standIn(t))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "a scenario failed in two runs: %s", out)
	assert.Equal(t, 1, exit.ExitCode())
	text := string(out)
	for _, want := range []string{
		"run 1/4: 2 passed, 0 failed, 1 quarantined (1 failed), ",
		"run 2/4: 1 passed, 1 failed, 1 quarantined (1 failed), ",
		"  failed: testdata/flaky.feature:14",
		"FAILED · 4 runs in one environment · 3 scenarios, 1 failed at least once (2 failures), 1 quarantined (4 failures)",
		"2/2  testdata/flaky.feature:14  A scenario that fails on every second run  (failed in runs 2, 4)",
		`first failure, run 2, step "Then the response status is 200"`,
		"expected status 200, got 500: flaked",
		"quarantined, failed without failing the run",
		"0/4  testdata/flaky.feature:19  A quarantined scenario that always fails",
	} {
		assert.Contains(t, text, want)
	}

	report, err := flakes.Read(filepath.Join(reports, "flakes.json"))
	require.NoError(t, err)
	require.Len(t, report.Runs, 4)
	byName := map[string]*flakes.Scenario{}
	for _, s := range report.Scenarios {
		byName[s.Name] = s
	}
	steady, flaky, quarantined := byName["A steady scenario"], byName["A scenario that fails on every second run"],
		byName["A quarantined scenario that always fails"]
	require.NotNil(t, steady)
	assert.Equal(t, [2]int{4, 0}, [2]int{steady.Passed, steady.Failed})
	assert.Nil(t, steady.FirstFailure)
	require.NotNil(t, flaky)
	assert.Equal(t, [2]int{2, 2}, [2]int{flaky.Passed, flaky.Failed})
	assert.Equal(t, []int{2, 4}, flaky.FailedRuns)
	require.NotNil(t, flaky.FirstFailure)
	assert.Equal(t, 2, flaky.FirstFailure.Run)
	for _, want := range []string{ // the step's own explanation
		"expected status 200, got 500", "message timeline:", "HTTP exchanges:", "GET http://127.0.0.1:",
	} {
		assert.Contains(t, flaky.FirstFailure.Message, want)
	}
	require.NotNil(t, quarantined)
	assert.True(t, quarantined.Quarantined)
	assert.Equal(t, [2]int{0, 4}, [2]int{quarantined.Passed, quarantined.Failed})

	assert.Equal(t, filepath.Join(reports, "runs", "2"), report.Runs[1].Reports, "a failed run keeps its reports")
	assert.FileExists(t, filepath.Join(reports, "runs", "2", "cucumber.json"))
	assert.FileExists(t, filepath.Join(reports, "runs", "2", "console.txt"))
	page, err := os.ReadFile(filepath.Join(reports, "flakes.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), "A scenario that fails on every second run")
	assert.NotContains(t, string(page), "<script")
}

func quarantinedFailuresPass(t *testing.T, h harness) {
	for _, args := range [][]string{
		{"run", "--runtime", "remote", "--features", "testdata/flaky.feature", "--tags", "~@alternating"},
		{"run", "--runtime", "remote", "--features", "testdata/flaky.feature", "--tags", "~@alternating", "--repeat", "2"},
	} {
		t.Run(strings.Join(args[5:], " "), func(t *testing.T) {
			cmd := h.command(append(args, "--reports", t.TempDir())...)
			cmd.Env = append(cmd.Env, standIn(t))
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "only a quarantined scenario failed: %s", out)
			assert.Contains(t, string(out), "quarantined, failed without failing the run")
			assert.Contains(t, string(out), "testdata/flaky.feature:19")
			assert.Regexp(t, `passed · (2 scenarios, 0 failed, 1 quarantined \(1 failed\)|2 runs in one environment · 2 scenarios, 0 failed at least once \(0 failures\), 1 quarantined \(2 failures\))`, string(out))
		})
	}
}

// freshEnvironments repeats the flaky scenario, each run in an
// environment of its own (the remote runtime's: the endpoints read and
// checked again) and in a random order whose seed each run's line gives.
func freshEnvironments(t *testing.T, h harness) {
	reports := t.TempDir()
	cmd := h.command("run", "--runtime", "remote", "--features", "testdata/flaky.feature", "--tags", "@alternating",
		"--reports", reports, "--repeat", "2", "--fresh", "--random", "-1")
	cmd.Env = append(cmd.Env, standIn(t))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the scenario fails in the second run: %s", out)
	text := string(out)
	assert.Regexp(t, `run 1/2: 1 passed, 0 failed, \S+, seed \d+ \(environment up in \S+\)`, text)
	assert.Regexp(t, `run 2/2: 0 passed, 1 failed, \S+, seed \d+ \(environment up in \S+\)`, text)
	assert.Contains(t, text, "FAILED · 2 runs each in a fresh environment · 1 scenarios, 1 failed at least once (1 failures)")
	assert.NoDirExists(t, filepath.Join(reports, "runs", "1"), "a run that passed leaves nothing")
	assert.DirExists(t, filepath.Join(reports, "runs", "2"))
}
