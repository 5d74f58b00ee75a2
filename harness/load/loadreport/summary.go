package loadreport

import (
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/harness/load"
)

// row is one line of a summary table: its cells, or its first cell and a
// note that stands for the rest (why a component was not measured).
type row struct {
	Cells []string
	Note  string
}

var latencyHead = []string{"stage", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "orders/s"}

var resourceHead = []string{"component", "peak MiB", "mean MiB", "CPU s", "mean CPU %", "peak CPU %"}

// stagesWithData lists the stages r has a latency or a throughput for, in
// journey order, then any stage load.Stages does not know.
func stagesWithData(r load.Result) []string {
	var out []string
	for _, s := range load.Stages {
		if l, ok := r.LatencyOf(s); (ok && l.Count > 0) || r.Throughput[s] > 0 {
			out = append(out, s)
		}
	}
	for _, l := range r.Latency {
		if !slices.Contains(out, l.Stage) && l.Count > 0 {
			out = append(out, l.Stage)
		}
	}
	return out
}

func latencyRows(r load.Result) []row {
	var rows []row
	for _, s := range stagesWithData(r) {
		cells := []string{s, "0", "-", "-", "-", "-"}
		if l, ok := r.LatencyOf(s); ok {
			cells = []string{s, fmt.Sprint(l.Count), fixed(l.P50), fixed(l.P90), fixed(l.P99), fixed(l.Max)}
		}
		rows = append(rows, row{Cells: append(cells, fixed(r.Throughput[s]))})
	}
	return rows
}

func resourceRows(r load.Result) []row {
	var rows []row
	for _, c := range r.Resources {
		if c.Unavailable != "" {
			rows = append(rows, row{Cells: []string{c.Name}, Note: "unavailable: " + c.Unavailable})
			continue
		}
		rows = append(rows, row{Cells: []string{c.Name, fixed(mib(c.PeakMemory)), fixed(mib(c.MeanMemory)),
			fmt.Sprintf("%.2f", finite(c.CPUSeconds)), fixed(c.MeanCPUPct), fixed(c.PeakCPUPct)}})
	}
	return rows
}
