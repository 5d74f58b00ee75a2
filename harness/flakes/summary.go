package flakes

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Progress is a run's line on the console while the runs go on:
// "run 3/20: 121 passed, 0 failed, 18.2s", then each failed scenario.
func (run Run) Progress(of int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "run %d/%d: %d passed, %d failed", run.N, of, run.Passed, run.Failed)
	if run.Quarantined > 0 {
		fmt.Fprintf(&b, ", %d quarantined (%d failed)", run.Quarantined, run.QuarantinedFailed)
	}
	fmt.Fprintf(&b, ", %s", seconds(run.WallSeconds))
	if run.Seed != 0 {
		fmt.Fprintf(&b, ", seed %d", run.Seed)
	}
	if run.StartupSeconds > 0 {
		fmt.Fprintf(&b, " (environment up in %s)", seconds(run.StartupSeconds))
	}
	for _, where := range run.Failures {
		b.WriteString("\n  failed: " + where)
	}
	for _, where := range run.QuarantinedFailures {
		b.WriteString("\n  failed, quarantined: " + where)
	}
	return b.String()
}

func seconds(s float64) string {
	return time.Duration(s * float64(time.Second)).Round(100 * time.Millisecond).String()
}

// Passed is true when no scenario that is not quarantined failed and
// every run asked for ran.
func (r *Report) Passed() bool { return r.Failures() == 0 && r.Stopped == "" }

// Headline is the verdict: "FAILED · 4 runs in one environment · 3
// scenarios, 1 failed at least once (2 failures), 1 quarantined (4
// failures) · runtime local · topology microservices".
func (r *Report) Headline() string {
	verdict := "passed"
	if !r.Passed() {
		verdict = "FAILED"
	}
	where := "in one environment"
	if r.Fresh {
		where = "each in a fresh environment"
	}
	quarantined, qFailures := 0, 0
	for _, s := range r.Quarantined() {
		quarantined++
		qFailures += s.Failed
	}
	return fmt.Sprintf("%s · %d runs %s · %d scenarios, %d failed at least once (%d failures), %d quarantined (%d failures) · runtime %s · topology %s",
		verdict, len(r.Runs), where, len(r.Scenarios), len(r.Failing()), r.Failures(), quarantined, qFailures, r.Runtime, r.Topology)
}

// Summary writes the console summary: the headline, every scenario that
// failed at least once with its counts and the evidence of its first
// failure, then the quarantined scenarios that failed, each with the first
// line of its first failure.
func (r *Report) Summary(w io.Writer) {
	fmt.Fprintf(w, "\n%s · %s wall\n", r.Headline(), seconds(r.WallSeconds))
	if r.Stopped != "" {
		fmt.Fprintf(w, "stopped after %d of %d runs: %s\n", len(r.Runs), r.Repeat, r.Stopped)
	}
	if failing := r.Failing(); len(failing) > 0 {
		fmt.Fprintf(w, "\nfailed (passed/failed over %d runs):\n", len(r.Runs))
		for _, s := range failing {
			r.scenarioSummary(w, s, -1)
		}
	}
	var quarantined []*Scenario
	for _, s := range r.Quarantined() {
		if s.Failed > 0 {
			quarantined = append(quarantined, s)
		}
	}
	if len(quarantined) > 0 {
		fmt.Fprintf(w, "\nquarantined, failed without failing the run (passed/failed over %d runs):\n", len(r.Runs))
		for _, s := range quarantined {
			r.scenarioSummary(w, s, 1)
		}
	}
}

// scenarioSummary writes s, its counts and the first lines of its first
// failure's evidence (every line when lines < 0).
func (r *Report) scenarioSummary(w io.Writer, s *Scenario, lines int) {
	fmt.Fprintf(w, "  %d/%d  %s  %s  (failed in %s)\n", s.Passed, s.Failed, s.Where(), s.Name, runList(s.FailedRuns))
	f := s.FirstFailure
	fmt.Fprintf(w, "       first failure, run %d, step %q:\n", f.Run, f.Step)
	evidence := strings.Split(strings.TrimRight(f.Message, "\n"), "\n")
	if lines >= 0 && len(evidence) > lines {
		evidence = evidence[:lines]
	}
	for _, line := range evidence {
		fmt.Fprintf(w, "         %s\n", line)
	}
}

// runList is "run 2" or "runs 2, 4".
func runList(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	if len(s) == 1 {
		return "run " + s[0]
	}
	return "runs " + strings.Join(s, ", ")
}
