package loadreport

import (
	"fmt"
	"time"

	"github.com/mallbots/mallbots/harness/load"
)

// pageView is everything the HTML page shows, formatted and laid out.
type pageView struct {
	Header, Started, Window   string
	Settings, Machine         []pair
	Checkouts, Accepted       int
	NotTerminal, Errors       int
	LatencyHead, ResourceHead []string
	Latency, Resources        []row
	HopHead                   []string
	Hops                      []hopLine
	HopBarW                   int
	PeakTotal                 string
	Outcomes, ErrorKinds      []count
	Scatter, Memory, CPU      chart
	Histograms                []chart
}

// pair is one labelled value of a definition list.
type pair struct{ Key, Value string }

func view(r load.Result) pageView {
	return pageView{
		Header: headerLine(r), Started: r.StartedAt.UTC().Format(time.RFC3339),
		Window:   fmt.Sprintf("%ss driving + %ss drain", fixed(r.Elapsed), fixed(r.Drain)),
		Settings: settingPairs(r.Settings), Machine: machinePairs(r.Machine),
		Checkouts: r.Checkouts, Accepted: r.Accepted, NotTerminal: r.NotTerminal, Errors: total(r.Errors),
		LatencyHead: latencyHead, Latency: latencyRows(r),
		HopHead: hopHead, Hops: hopLines(r.Hops), HopBarW: hopBarW,
		ResourceHead: resourceHead, Resources: resourceRows(r), PeakTotal: fixed(mib(r.PeakTotalMemory)),
		Outcomes: tally(r.Outcomes), ErrorKinds: tally(r.Errors),
		Scatter: scatterChart(r), Histograms: histograms(r), Memory: memoryChart(r), CPU: cpuChart(r),
	}
}

func settingPairs(s load.Settings) []pair {
	return []pair{
		{"mode", modeLine(s)}, {"runtime", orDash(s.Runtime)}, {"topology", orDash(s.Topology)},
		{"until", orDash(s.Until)},
	}
}

func machinePairs(m load.Machine) []pair {
	return []pair{
		{"CPUs", fmt.Sprint(m.CPUs)}, {"OS/arch", orDash(m.OS) + "/" + orDash(m.Arch)},
		{"Go", orDash(m.GoVersion)}, {"host", orDash(m.Hostname)}, {"commit", orDash(m.Commit)},
	}
}
