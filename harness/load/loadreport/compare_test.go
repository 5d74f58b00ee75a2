package loadreport_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/load/loadreport"
)

// baseline is a run to approval with round figures, made afresh each time
// so that a case may change it.
func baseline() load.Result {
	return load.Result{
		Version:    load.ResultVersion,
		Settings:   load.Settings{Runtime: "local", Topology: "monolith", Mode: "open", Rate: 100, Duration: 30, Until: "approved"},
		Machine:    load.Machine{CPUs: 8},
		Throughput: map[string]float64{"accepted": 100, "approved": 90},
		Latency: []load.StageLatency{
			{Stage: "accepted", Count: 3000, P50: 2, P90: 3, P99: 4},
			{Stage: "approved", Count: 2700, P50: 40, P90: 80, P99: 100},
		},
		Errors:          map[string]int{"timeout": 2},
		Resources:       []load.Resource{{Name: "baskets", PeakMemory: 100 << 20}, {Name: "ordering", PeakMemory: 50 << 20}},
		PeakTotalMemory: 400 << 20,
	}
}

func latency(r *load.Result, stage string) *load.StageLatency {
	for i := range r.Latency {
		if r.Latency[i].Stage == stage {
			return &r.Latency[i]
		}
	}
	panic("no stage " + stage)
}

func TestCompareJudgesEachFigure(t *testing.T) {
	tests := []struct {
		name    string
		change  func(cur *load.Result)
		figure  string
		verdict string
		ratio   string
	}{
		{"the same run", func(*load.Result) {}, "approved p99 ms", loadreport.VerdictOK, "1.00x"},
		{"p99 regressed", func(c *load.Result) { latency(c, "approved").P99 = 126 }, "approved p99 ms", loadreport.VerdictRegressed, "1.26x"},
		{"p99 within tolerance", func(c *load.Result) { latency(c, "approved").P99 = 125 }, "approved p99 ms", loadreport.VerdictOK, "1.25x"},
		{"p50 doubled within the floor", func(c *load.Result) { latency(c, "accepted").P50 = 4 }, "accepted p50 ms", loadreport.VerdictOK, "2.00x"},
		{"p90 beyond the floor", func(c *load.Result) { latency(c, "accepted").P90 = 8.5 }, "accepted p90 ms", loadreport.VerdictRegressed, "2.83x"},
		{"p50 better", func(c *load.Result) { latency(c, "approved").P50 = 20 }, "approved p50 ms", loadreport.VerdictBetter, "0.50x"},
		{"throughput better", func(c *load.Result) { c.Throughput["approved"] = 100 }, "approved orders/s", loadreport.VerdictBetter, "1.11x"},
		{"throughput within tolerance", func(c *load.Result) { c.Throughput["approved"] = 81 }, "approved orders/s", loadreport.VerdictOK, "0.90x"},
		{"throughput regressed", func(c *load.Result) { c.Throughput["approved"] = 80 }, "approved orders/s", loadreport.VerdictRegressed, "0.89x"},
		{"stage no longer reached", func(c *load.Result) { delete(c.Throughput, "approved") }, "approved orders/s", loadreport.VerdictRegressed, "0.00x"},
		{"component memory regressed", func(c *load.Result) { c.Resources[0].PeakMemory = 121 << 20 }, "peak memory baskets MiB", loadreport.VerdictRegressed, "1.21x"},
		{"component memory within tolerance", func(c *load.Result) { c.Resources[0].PeakMemory = 120 << 20 }, "peak memory baskets MiB", loadreport.VerdictOK, "1.20x"},
		{"total memory regressed", func(c *load.Result) { c.PeakTotalMemory = 500 << 20 }, "peak memory total MiB", loadreport.VerdictRegressed, "1.25x"},
		{"total memory better", func(c *load.Result) { c.PeakTotalMemory = 300 << 20 }, "peak memory total MiB", loadreport.VerdictBetter, "0.75x"},
		{"not terminal increased", func(c *load.Result) { c.NotTerminal = 1 }, "not terminal", loadreport.VerdictRegressed, "new"},
		{"errors increased", func(c *load.Result) { c.Errors["conflict"] = 1 }, "errors", loadreport.VerdictRegressed, "1.50x"},
		{"errors fewer", func(c *load.Result) { c.Errors = nil }, "errors", loadreport.VerdictBetter, "0.00x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := baseline()
			tt.change(&cur)
			c := loadreport.Compare(cur, baseline(), loadreport.DefaultTolerance())
			row := rowOf(t, c, tt.figure)
			assert.Equal(t, tt.verdict, row.Verdict)
			assert.Equal(t, tt.ratio, row.RatioText())
			assert.Equal(t, tt.verdict == loadreport.VerdictRegressed, len(c.Regressions()) == 1, "%+v", c.Regressions())
		})
	}
}

func TestCompareLeavesOutWhatOneRunDidNotMeasure(t *testing.T) {
	cur, base := baseline(), baseline()
	cur.Resources[0] = load.Resource{Name: "baskets", Unavailable: "no /proc"}
	cur.Latency = cur.Latency[:1]
	base.PeakTotalMemory = 0
	c := loadreport.Compare(cur, base, loadreport.DefaultTolerance())
	for _, figure := range []string{"peak memory baskets MiB", "approved p50 ms", "peak memory total MiB"} {
		assert.NotContains(t, figures(c), figure)
	}
	assert.Contains(t, figures(c), "peak memory ordering MiB")
	assert.Contains(t, figures(c), "approved orders/s")
}

func TestCompareWarnsWhenTheRunsDiffer(t *testing.T) {
	cur := baseline()
	cur.Settings.Rate, cur.Settings.Topology, cur.Machine.CPUs = 50, "services", 4
	c := loadreport.Compare(cur, baseline(), loadreport.DefaultTolerance())
	assert.Equal(t, []string{"rate 50 (baseline 100)", "topology services (baseline monolith)", "CPUs 4 (baseline 8)"}, c.Differences)
	first, _, _ := strings.Cut(written(t, c), "\n")
	assert.Equal(t, "warning: comparing unlike runs: rate 50 (baseline 100), topology services (baseline monolith), CPUs 4 (baseline 8)", first)
	assert.NotContains(t, written(t, loadreport.Compare(baseline(), baseline(), loadreport.DefaultTolerance())), "warning")
}

func TestTheComparisonMatchesItsGoldenFile(t *testing.T) {
	cur := baseline()
	cur.Settings.Rate = 120
	latency(&cur, "approved").P99, cur.Throughput["accepted"], cur.NotTerminal = 150, 120, 3
	golden(t, "compare.golden", written(t, loadreport.Compare(cur, baseline(), loadreport.DefaultTolerance())))
}

func written(t *testing.T, c loadreport.Comparison) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, c.Write(&b))
	return b.String()
}

func figures(c loadreport.Comparison) []string {
	var out []string
	for _, r := range c.Rows {
		out = append(out, r.Figure)
	}
	return out
}

func rowOf(t *testing.T, c loadreport.Comparison, figure string) loadreport.Row {
	t.Helper()
	for _, r := range c.Rows {
		if r.Figure == figure {
			return r
		}
	}
	require.Failf(t, "no such figure", "%q in %v", figure, figures(c))
	return loadreport.Row{}
}
