package loadreport

import (
	"strconv"
	"strings"
)

// The geometry every chart is drawn in, in SVG user units.
const (
	chartW, chartH = 760, 280
	plotX0, plotX1 = 64, 744
	plotY0, plotY1 = 16, 236
)

// palette is Okabe and Ito's, distinguishable with colour blindness.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000", "#F0E442"}

// chart is a plot ready to draw: every coordinate is already in pixels.
type chart struct {
	ID, Title, Caption string
	// Empty, when set, is said instead of drawing the chart.
	Empty          string
	XLabel, YLabel string
	XTicks, YTicks []tick
	Series         []series
	Guides         []guide
	Bars           []bar
}

// series is one path: a line, or dots (one zero-length stroke per point,
// with round caps, which is far smaller than one <circle> per point).
type series struct {
	Name, Color, D string
	Dots           bool
}

// guide is a horizontal line across the plot (a percentile).
type guide struct {
	Y            float64
	Label, Color string
}

// bar is one histogram bin; Over marks the overflow bin.
type bar struct {
	X, Y, W, H   float64
	Label, Title string
	Over         bool
}

// Mid is where the bar's label goes.
func (b bar) Mid() float64 { return b.X + b.W/2 }

// frame is the chart's geometry, for the template.
type frame struct {
	W, H, X0, X1, Y0, Y1 float64
	PlotW, PlotH         float64
	MidX, MidY           float64
}

func (chart) Frame() frame {
	return frame{W: chartW, H: chartH, X0: plotX0, X1: plotX1, Y0: plotY0, Y1: plotY1,
		PlotW: plotX1 - plotX0, PlotH: plotY1 - plotY0, MidX: (plotX0 + plotX1) / 2, MidY: (plotY0 + plotY1) / 2}
}

// point is a data point, or once projected a pixel.
type point struct{ x, y float64 }

// line is a named series of data points.
type line struct {
	name, color string
	pts         []point
}

func allPoints(lines []line) []point {
	var all []point
	for _, l := range lines {
		all = append(all, l.pts...)
	}
	return all
}

// draw puts the axes' ticks and every line that has a point on c.
func (c *chart) draw(lines []line, x, y axis, dots bool) {
	c.XTicks, c.YTicks = x.ticks(), y.ticks()
	for _, l := range lines {
		if len(l.pts) > 0 {
			c.Series = append(c.Series, series{Name: l.name, Color: l.color, D: path(project(l.pts, x, y), dots), Dots: dots})
		}
	}
}

// project maps data points to pixels.
func project(pts []point, x, y axis) []point {
	out := make([]point, len(pts))
	for i, p := range pts {
		out[i] = point{x.px(p.x), y.px(p.y)}
	}
	return out
}

// path is the SVG path of pixels, as a line or as dots; a line of one
// point is drawn as a dot.
func path(pts []point, dots bool) string {
	dots = dots || len(pts) == 1
	var b strings.Builder
	for i, p := range pts {
		if i == 0 || dots {
			b.WriteByte('M')
		} else {
			b.WriteByte('L')
		}
		b.WriteString(px(p.x) + " " + px(p.y))
		if dots {
			b.WriteString("h0")
		}
	}
	return b.String()
}

// px formats a pixel coordinate.
func px(v float64) string {
	return strconv.FormatFloat(finite(v), 'f', 1, 64)
}
