package loadreport

import (
	"fmt"

	"github.com/mallbots/mallbots/harness/load"
)

// scatterLimit is how many orders the latency plot draws at most; beyond
// it, it keeps every k-th order so the page stays small.
const scatterLimit = 4000

// scatterStages are the stages the latency plot shows, each in a colour.
var scatterStages = []struct{ stage, color string }{
	{load.StageApproved, palette[0]},
	{load.StageCompleted, palette[1]},
}

// thin keeps every k-th order, the smallest k that keeps at most limit.
func thin(orders []load.Order, limit int) ([]load.Order, int) {
	k := (len(orders) + limit - 1) / limit
	if k <= 1 {
		return orders, 1
	}
	kept := make([]load.Order, 0, limit)
	for i := 0; i < len(orders); i += k {
		kept = append(kept, orders[i])
	}
	return kept, k
}

// stagePoints are (checkout sent, ms to stage) of the orders that reached it.
func stagePoints(orders []load.Order, stage string) []point {
	var pts []point
	for _, o := range orders {
		if ms, ok := o.Stages[stage]; ok {
			pts = append(pts, point{finite(o.At), finite(ms)})
		}
	}
	return pts
}

// scatterChart plots the latency to approved and completed against when
// each checkout was sent, with each stage's p50 and p99.
func scatterChart(r load.Result) chart {
	c := chart{ID: "latency-over-time", Title: "Latency over time",
		XLabel: "seconds into the run (checkout sent)", YLabel: "ms from checkout"}
	orders, k := thin(r.Orders, scatterLimit)
	lines := make([]line, len(scatterStages))
	for i, s := range scatterStages {
		lines[i] = line{name: s.stage, color: s.color, pts: stagePoints(orders, s.stage)}
	}
	all := allPoints(lines)
	if len(all) == 0 {
		c.Empty = "No order reached approved or completed."
		return c
	}
	all = append(all, guidePoints(r)...)
	x, y := linearAxis(0, max(r.Elapsed, maxOf(all, xOf)), plotX0, plotX1), latencyAxis(all)
	c.draw(lines, x, y, true)
	c.Guides, c.Caption = guides(r, y), scatterCaption(len(r.Orders), len(orders), k, y.log)
	return c
}

// latencyAxis is logarithmic when the latencies span more than 20 times,
// so that a few slow orders do not flatten the rest.
func latencyAxis(pts []point) axis {
	lo, hi := max(minOf(pts, yOf), 0.1), maxOf(pts, yOf)
	if hi/lo > 20 {
		return logAxis(lo, hi, plotY1, plotY0)
	}
	return linearAxis(0, hi, plotY1, plotY0)
}

func scatterCaption(orders, drawn, k int, log bool) string {
	s := fmt.Sprintf("%s; dashed lines are each stage's p50 and p99", plural(orders, "order"))
	if k > 1 {
		s += fmt.Sprintf("; downsampled: 1 order in %d drawn (%d of %d)", k, drawn, orders)
	}
	if log {
		s += "; logarithmic scale"
	}
	return s + "."
}
