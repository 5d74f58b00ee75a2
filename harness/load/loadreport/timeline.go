package loadreport

import (
	"maps"
	"slices"

	"github.com/mallbots/mallbots/harness/load"
)

// reading is one component's figure in one sample, if it was measured.
type reading func(s load.Sample, component string) (float64, bool)

func memoryChart(r load.Result) chart {
	c := chart{ID: "memory", Title: "Memory over time", XLabel: "seconds into the run", YLabel: "MiB"}
	return timeline(c, r, func(s load.Sample, name string) (float64, bool) {
		b, ok := s.Memory[name]
		return mib(b), ok
	})
}

func cpuChart(r load.Result) chart {
	c := chart{ID: "cpu", Title: "CPU over time", XLabel: "seconds into the run", YLabel: "CPU % (100 = one core)"}
	return timeline(c, r, func(s load.Sample, name string) (float64, bool) {
		v, ok := s.CPUPercent[name]
		return finite(v), ok
	})
}

// timeline draws one line per component through its readings.
func timeline(c chart, r load.Result, read reading) chart {
	lines := componentLines(r, read)
	all := allPoints(lines)
	if len(all) == 0 {
		c.Empty = "No resource sample."
		return c
	}
	x, y := linearAxis(0, maxOf(all, xOf), plotX0, plotX1), linearAxis(0, maxOf(all, yOf), plotY1, plotY0)
	c.draw(lines, x, y, false)
	c.Caption = plural(len(r.Samples), "sample") + "."
	return c
}

func componentLines(r load.Result, read reading) []line {
	names := componentNames(r)
	lines := make([]line, len(names))
	for i, name := range names {
		lines[i] = line{name: name, color: palette[i%len(palette)]}
		for _, s := range r.Samples {
			if v, ok := read(s, name); ok {
				lines[i].pts = append(lines[i].pts, point{finite(s.At), v})
			}
		}
	}
	return lines
}

// componentNames are the components in r.Resources' order, then any other
// component a sample names.
func componentNames(r load.Result) []string {
	var names []string
	for _, c := range r.Resources {
		names = append(names, c.Name)
	}
	for _, name := range sampledNames(r.Samples) {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// sampledNames are the components samples name, sorted.
func sampledNames(samples []load.Sample) []string {
	var names []string
	for _, s := range samples {
		names = slices.AppendSeq(names, maps.Keys(s.Memory))
		names = slices.AppendSeq(names, maps.Keys(s.CPUPercent))
	}
	slices.Sort(names)
	return slices.Compact(names)
}
