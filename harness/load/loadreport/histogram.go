package loadreport

import (
	"fmt"
	"math"
	"slices"

	"github.com/mallbots/mallbots/harness/load"
)

// histBins is about how many bins a histogram has, besides its overflow bin.
const histBins = 20

// histograms has one chart per stage: approved and completed always, the
// other stages when some order reached them.
func histograms(r load.Result) []chart {
	var out []chart
	for _, stage := range load.Stages {
		values := stageValues(r.Orders, stage)
		if len(values) > 0 || stage == load.StageApproved || stage == load.StageCompleted {
			out = append(out, histogram(stage, values))
		}
	}
	return out
}

// stageValues are the ms to stage of the orders that reached it, sorted.
func stageValues(orders []load.Order, stage string) []float64 {
	var out []float64
	for _, o := range orders {
		if ms, ok := o.Stages[stage]; ok {
			out = append(out, max(finite(ms), 0))
		}
	}
	slices.Sort(out)
	return out
}

// binning cuts [0, the p99] into bins of a round width; what lies beyond
// the last bin goes in an overflow bin, so one slow order does not squash
// every other bar into the first.
type binning struct {
	width  float64
	counts []int // the last one is the overflow
}

func binsOf(sorted []float64) binning {
	p99 := sorted[int(0.99*float64(len(sorted)-1))]
	b := binning{width: niceStep(p99 / histBins)}
	n := int(p99/b.width) + 1
	b.counts = make([]int, n+1)
	for _, v := range sorted {
		b.counts[int(min(v/b.width, float64(n)))]++
	}
	return b
}

func histogram(stage string, values []float64) chart {
	c := chart{ID: "hist-" + stage, Title: "Time to " + stage, XLabel: "ms from checkout", YLabel: "orders"}
	if len(values) == 0 {
		c.Empty = "No order reached " + stage + "."
		return c
	}
	b := binsOf(values)
	x := axis{lo: 0, hi: float64(len(b.counts)), from: plotX0, to: plotX1}
	y := linearAxis(0, float64(slices.Max(b.counts)), plotY1, plotY0)
	c.YTicks, c.XTicks = y.ticks(), b.edgeTicks(x)
	c.Bars = b.bars(x, y)
	c.Caption = fmt.Sprintf("%s; bins of %s ms; the last bar counts the orders above %s ms.",
		plural(len(values), "order"), label(b.width), label(b.edge(len(b.counts)-1)))
	return c
}

func (b binning) edge(i int) float64 { return float64(i) * b.width }

// edgeTicks labels about eight bin edges, always the overflow's.
func (b binning) edgeTicks(x axis) []tick {
	last := len(b.counts) - 1
	every := int(math.Ceil(float64(last) / 8))
	var out []tick
	for i := 0; i <= last; i++ {
		if i%every == 0 || i == last {
			out = append(out, tick{At: x.px(float64(i)), Label: label(b.edge(i))})
		}
	}
	return out
}

func (b binning) bars(x, y axis) []bar {
	w := x.px(1) - x.px(0)
	out := make([]bar, len(b.counts))
	for i, n := range b.counts {
		top := y.px(float64(n))
		out[i] = bar{X: x.px(float64(i)) + 1, Y: top, W: w - 2, H: plotY1 - top, Title: b.binTitle(i),
			Over: i == len(b.counts)-1}
		if n > 0 {
			out[i].Label = fmt.Sprint(n)
		}
	}
	return out
}

func (b binning) binTitle(i int) string {
	if i == len(b.counts)-1 {
		return fmt.Sprintf("%s ms and more: %s", label(b.edge(i)), plural(b.counts[i], "order"))
	}
	return fmt.Sprintf("%s to %s ms: %s", label(b.edge(i)), label(b.edge(i+1)), plural(b.counts[i], "order"))
}
