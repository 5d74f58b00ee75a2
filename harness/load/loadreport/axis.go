package loadreport

import (
	"math"
	"strconv"
)

// axis maps data values to pixels along one side of a plot.
type axis struct {
	lo, hi   float64 // the data domain, hi > lo (and lo > 0 on a log axis)
	from, to float64 // the pixel range
	step     float64 // between ticks, on a linear axis
	log      bool
}

// tick is a labelled position along an axis, in pixels.
type tick struct {
	At    float64
	Label string
}

// linearAxis spans [lo, hi] rounded out to whole steps of 1, 2 or 5 × 10ⁿ.
func linearAxis(lo, hi, from, to float64) axis {
	lo, hi = finite(lo), finite(hi)
	step := niceStep((hi - lo) / 5)
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if hi <= lo {
		hi = lo + step
	}
	return axis{lo: lo, hi: hi, from: from, to: to, step: step}
}

// logAxis spans the whole decades around [lo, hi], lo > 0.
func logAxis(lo, hi, from, to float64) axis {
	lo = math.Pow(10, math.Floor(math.Log10(lo)))
	hi = math.Pow(10, math.Ceil(math.Log10(hi)))
	if hi <= lo {
		hi = lo * 10
	}
	return axis{lo: lo, hi: hi, from: from, to: to, log: true}
}

// niceStep is the smallest of 1, 2 or 5 × 10ⁿ not below raw.
func niceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

// px is the pixel of v, clamped to the axis.
func (a axis) px(v float64) float64 {
	v, lo, hi := finite(v), a.lo, a.hi
	if a.log {
		v, lo, hi = math.Log10(max(v, lo)), math.Log10(lo), math.Log10(hi)
	}
	v = min(max(v, lo), hi)
	return a.from + (v-lo)/(hi-lo)*(a.to-a.from)
}

func (a axis) ticks() []tick {
	var values []float64
	if a.log {
		values = a.logTicks()
	} else {
		values = a.linearTicks()
	}
	out := make([]tick, len(values))
	for i, v := range values {
		out[i] = tick{At: a.px(v), Label: label(v)}
	}
	return out
}

func (a axis) linearTicks() []float64 {
	var out []float64
	if !(a.step > 0) {
		return nil
	}
	for i := 0; a.lo+float64(i)*a.step <= a.hi+a.step/1e6; i++ {
		out = append(out, a.lo+float64(i)*a.step)
	}
	return out
}

// logTicks marks every decade, and 2 and 5 times it on a short axis.
func (a axis) logTicks() []float64 {
	short := a.hi/a.lo <= 100
	var out []float64
	for d := a.lo; d <= a.hi*1.000001; d *= 10 {
		out = append(out, d)
		for _, m := range []float64{2, 5} {
			if short && d*m < a.hi {
				out = append(out, d*m)
			}
		}
	}
	return out
}

// label prints a tick value without float noise: 0.3, not 0.30000000000000004.
func label(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
}
