package loadreport

import (
	"fmt"

	"github.com/mallbots/mallbots/harness/load"
)

// Verdicts of a Row.
const (
	VerdictOK        = "ok"
	VerdictBetter    = "better"
	VerdictRegressed = "REGRESSED"
)

// Row is one figure of a comparison.
type Row struct {
	// Figure names the figure and its unit: "approved p99 ms".
	Figure   string
	Current  float64
	Baseline float64
	// Ratio is Current/Baseline, or 0 when Baseline is 0 (RatioText then
	// says "new" or "-"): never NaN nor Inf.
	Ratio   float64
	Verdict string
}

// RatioText is the ratio as "1.18x", "new" when only the current run has
// the figure, "-" when both are 0.
func (r Row) RatioText() string {
	switch {
	case r.Baseline != 0:
		return fmt.Sprintf("%.2fx", r.Ratio)
	case r.Current != 0:
		return "new"
	}
	return "-"
}

// Comparison is a run judged against a baseline run.
type Comparison struct {
	Tolerance Tolerance
	// Differences lists the settings the two runs differ in, as
	// "rate 100 (baseline 50)"; comparing them is allowed but suspect.
	Differences []string
	Rows        []Row
}

// Compare judges current against baseline within tol: per-stage latency
// percentiles and throughput, peak memory, orders not terminal and errors.
func Compare(current, baseline load.Result, tol Tolerance) Comparison {
	c := Comparison{Tolerance: tol, Differences: differences(current, baseline)}
	for _, stage := range stagesWithData(baseline) {
		c.Rows = append(c.Rows, latencyFigures(current, baseline, stage, tol)...)
		c.Rows = append(c.Rows, throughputFigure(current, baseline, stage, tol)...)
	}
	c.Rows = append(c.Rows, memoryFigures(current, baseline, tol)...)
	return c.withCounts(current, baseline)
}

func (c Comparison) withCounts(current, baseline load.Result) Comparison {
	more := higherWorse(0, 0)
	c.Rows = append(c.Rows,
		newRow("not terminal", float64(current.NotTerminal), float64(baseline.NotTerminal), more),
		newRow("errors", float64(total(current.Errors)), float64(total(baseline.Errors)), more))
	return c
}

// Regressions lists the rows whose verdict is VerdictRegressed.
func (c Comparison) Regressions() []Row {
	var out []Row
	for _, r := range c.Rows {
		if r.Verdict == VerdictRegressed {
			out = append(out, r)
		}
	}
	return out
}
