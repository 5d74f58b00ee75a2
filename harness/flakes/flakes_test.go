package flakes_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/flakes"
)

func outcome(line int, name string, passed bool, message string) flakes.Outcome {
	o := flakes.Outcome{URI: "features/x.feature", Line: line, Name: name, Passed: passed}
	if !passed {
		o.Step, o.Message = "Then it works", message
	}
	return o
}

func quarantined(o flakes.Outcome) flakes.Outcome {
	o.Quarantined = true
	return o
}

// threeRuns is a report of three runs: a steady scenario, one that fails
// in runs 2 and 3, and a quarantined one that fails in run 1.
func threeRuns() *flakes.Report {
	r := &flakes.Report{Runtime: "local", Topology: "microservices", Repeat: 3}
	for n, outcomes := range [][]flakes.Outcome{
		{outcome(3, "steady", true, ""), outcome(9, "flaky", true, ""), quarantined(outcome(15, "known", false, "first <b>"))},
		{outcome(9, "flaky", false, "second\ntimeline"), outcome(3, "steady", true, ""), quarantined(outcome(15, "known", true, ""))},
		{outcome(3, "steady", true, ""), quarantined(outcome(15, "known", true, "")), outcome(9, "flaky", false, "third")},
	} {
		r.Add(flakes.Run{N: n + 1}, 18200*time.Millisecond, 0, outcomes)
	}
	return r
}

func TestAReportCountsEveryRunAndKeepsTheFirstFailure(t *testing.T) {
	r := threeRuns()
	require.Len(t, r.Scenarios, 3)
	steady, flaky, known := r.Scenarios[0], r.Scenarios[1], r.Scenarios[2] // in file order
	assert.Equal(t, []int{3, 0}, []int{steady.Passed, steady.Failed})
	assert.Equal(t, []int{1, 2}, []int{flaky.Passed, flaky.Failed})
	assert.Equal(t, []int{2, 3}, flaky.FailedRuns)
	assert.Equal(t, &flakes.Failure{Run: 2, Step: "Then it works", Message: "second\ntimeline"}, flaky.FirstFailure)
	assert.True(t, known.Quarantined)
	assert.Equal(t, 2, r.Failures(), "quarantined failures are not counted")
	assert.False(t, r.Passed())
	assert.Equal(t, "run 1/3: 2 passed, 0 failed, 1 quarantined (1 failed), 18.2s\n  failed, quarantined: features/x.feature:15",
		r.Runs[0].Progress(3))
	assert.Equal(t, "run 2/3: 1 passed, 1 failed, 1 quarantined (0 failed), 18.2s\n  failed: features/x.feature:9",
		r.Runs[1].Progress(3))
}

func TestOnlyQuarantinedFailuresPass(t *testing.T) {
	r := &flakes.Report{Repeat: 1}
	r.Add(flakes.Run{N: 1, Seed: 42}, time.Second, time.Second, []flakes.Outcome{
		outcome(3, "steady", true, ""), quarantined(outcome(15, "known", false, "broken")),
	})
	assert.True(t, r.Passed())
	assert.Equal(t, "run 1/1: 1 passed, 0 failed, 1 quarantined (1 failed), 1s, seed 42 (environment up in 1s)\n  failed, quarantined: features/x.feature:15",
		r.Runs[0].Progress(1))
	r.Stopped = "interrupted during run 2"
	assert.False(t, r.Passed(), "a run cut short does not pass")
}

func TestTheSummaryShowsTheFailuresAndTheQuarantined(t *testing.T) {
	var out bytes.Buffer
	threeRuns().Summary(&out)
	assert.Equal(t, `
FAILED · 3 runs in one environment · 3 scenarios, 1 failed at least once (2 failures), 1 quarantined (1 failures) · runtime local · topology microservices · 0s wall

failed (passed/failed over 3 runs):
  1/2  features/x.feature:9  flaky  (failed in runs 2, 3)
       first failure, run 2, step "Then it works":
         second
         timeline

quarantined, failed without failing the run (passed/failed over 3 runs):
  2/1  features/x.feature:15  known  (failed in run 1)
       first failure, run 1, step "Then it works":
         first <b>
`, out.String())
}

func TestTheReportIsWrittenAsJSONAndAnOfflinePage(t *testing.T) {
	dir := t.TempDir()
	jsonPath, htmlPath, err := threeRuns().Write(dir)
	require.NoError(t, err)
	read, err := flakes.Read(jsonPath)
	require.NoError(t, err)
	assert.Equal(t, 2, read.Failures())
	assert.Equal(t, "second\ntimeline", read.Scenarios[1].FirstFailure.Message)
	page, err := os.ReadFile(htmlPath)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "flakes.html"), htmlPath)
	assert.Contains(t, string(page), "first &lt;b&gt;", "evidence is text")
	assert.Contains(t, string(page), "failed in runs 2, 3")
	assert.NotContains(t, string(page), "<script")
	assert.NotContains(t, string(page), "http", "nothing fetched")
}
