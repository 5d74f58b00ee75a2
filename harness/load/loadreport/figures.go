package loadreport

import (
	"github.com/mallbots/mallbots/harness/load"
)

// judge gives the verdict on a figure, given its current and baseline value.
type judge func(cur, base float64) string

// higherWorse judges a figure that regressed when it grew by more than rel
// of the baseline and by more than floor.
func higherWorse(rel, floor float64) judge {
	return func(cur, base float64) string {
		switch {
		case cur > base*(1+rel) && cur-base > floor:
			return VerdictRegressed
		case cur < base*(1-rel) && base-cur > floor:
			return VerdictBetter
		}
		return VerdictOK
	}
}

// lowerWorse judges a figure that regressed when it fell by more than rel
// of the baseline.
func lowerWorse(rel float64) judge {
	return func(cur, base float64) string {
		switch {
		case cur < base*(1-rel):
			return VerdictRegressed
		case cur > base*(1+rel):
			return VerdictBetter
		}
		return VerdictOK
	}
}

func newRow(figure string, cur, base float64, j judge) Row {
	cur, base = finite(cur), finite(base)
	r := Row{Figure: figure, Current: cur, Baseline: base, Verdict: j(cur, base)}
	if base != 0 {
		r.Ratio = cur / base
	}
	return r
}

// latencyFigures compares the percentiles of a stage both runs reached.
func latencyFigures(current, baseline load.Result, stage string, tol Tolerance) []Row {
	cur, okC := current.LatencyOf(stage)
	base, okB := baseline.LatencyOf(stage)
	if !okC || !okB || cur.Count == 0 || base.Count == 0 {
		return nil
	}
	j := higherWorse(tol.Latency, tol.LatencyFloorMs)
	return []Row{
		newRow(stage+" p50 ms", cur.P50, base.P50, j),
		newRow(stage+" p90 ms", cur.P90, base.P90, j),
		newRow(stage+" p99 ms", cur.P99, base.P99, j),
	}
}

// throughputFigure compares the orders/s of a stage the baseline reached; a
// stage the current run did not reach counts as 0/s.
func throughputFigure(current, baseline load.Result, stage string, tol Tolerance) []Row {
	base := baseline.Throughput[stage]
	if base <= 0 {
		return nil
	}
	return []Row{newRow(stage+" orders/s", current.Throughput[stage], base, lowerWorse(tol.Throughput))}
}

// memoryFigures compares the peak total memory and each component's peak,
// when both runs measured it.
func memoryFigures(current, baseline load.Result, tol Tolerance) []Row {
	j := higherWorse(tol.Memory, 0)
	var rows []Row
	if current.PeakTotalMemory > 0 && baseline.PeakTotalMemory > 0 {
		rows = append(rows, newRow("peak memory total MiB", mib(current.PeakTotalMemory), mib(baseline.PeakTotalMemory), j))
	}
	for _, base := range baseline.Resources {
		cur, ok := resourceOf(current, base.Name)
		if ok && measured(cur) && measured(base) {
			rows = append(rows, newRow("peak memory "+base.Name+" MiB", mib(cur.PeakMemory), mib(base.PeakMemory), j))
		}
	}
	return rows
}

func measured(r load.Resource) bool {
	return r.Unavailable == "" && r.PeakMemory > 0
}

func resourceOf(r load.Result, name string) (load.Resource, bool) {
	for _, c := range r.Resources {
		if c.Name == name {
			return c, true
		}
	}
	return load.Resource{}, false
}
