package loadreport

import (
	"github.com/mallbots/mallbots/harness/load"
)

// percentiles are the p50 and p99 of the plotted stages r summarised.
func percentiles(r load.Result, each func(stage, name, color string, ms float64)) {
	for _, s := range scatterStages {
		if l, ok := r.LatencyOf(s.stage); ok && l.Count > 0 {
			each(s.stage, "p50", s.color, l.P50)
			each(s.stage, "p99", s.color, l.P99)
		}
	}
}

// guidePoints puts the percentiles in the axis's domain.
func guidePoints(r load.Result) []point {
	var pts []point
	percentiles(r, func(_, _, _ string, ms float64) { pts = append(pts, point{0, finite(ms)}) })
	return pts
}

func guides(r load.Result, y axis) []guide {
	var out []guide
	percentiles(r, func(stage, name, color string, ms float64) {
		out = append(out, guide{Y: y.px(ms), Color: color, Label: stage + " " + name + " " + num(ms) + " ms"})
	})
	return out
}

func xOf(p point) float64 { return p.x }
func yOf(p point) float64 { return p.y }

// maxOf is the largest coordinate of pts, 0 for none.
func maxOf(pts []point, coord func(point) float64) float64 {
	m := 0.0
	for _, p := range pts {
		m = max(m, coord(p))
	}
	return m
}

// minOf is the smallest positive coordinate of pts, 0 for none.
func minOf(pts []point, coord func(point) float64) float64 {
	m := 0.0
	for _, p := range pts {
		if v := coord(p); v > 0 && (m == 0 || v < m) {
			m = v
		}
	}
	return m
}
