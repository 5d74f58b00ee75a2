package loadreport

import (
	"fmt"
	"io"

	"github.com/mallbots/mallbots/harness/load"
)

// tableHops is how many hops the end-of-run table lists; the page lists
// them all.
const tableHops = 8

// hopBarW is the width, in pixels, of the bar of the hop with the largest p50.
const hopBarW = 200

var hopHead = []string{"from", "to", "count", "p50 ms", "p90 ms", "max ms"}

func hopCells(h load.Hop) []string {
	return []string{h.From, h.To, fmt.Sprint(h.Count), fixed(h.P50), fixed(h.P90), fixed(h.Max)}
}

// writeHops writes the first hops (load sorts them slowest first) and how
// many more the page lists; nothing when the run measured none.
func writeHops(w io.Writer, hops []load.Hop) {
	if len(hops) == 0 {
		return
	}
	fmt.Fprintln(w, "slowest hops (message -> next message of the same order)")
	writeRows(w, hopHead, slowestHopRows(hops), "")
}

// slowestHopRows are the first tableHops hops, then a note that says how
// many more there are: a lone note, so it widens no column.
func slowestHopRows(hops []load.Hop) []row {
	var rows []row
	for _, h := range hops[:min(len(hops), tableHops)] {
		rows = append(rows, row{Cells: hopCells(h)})
	}
	if more := len(hops) - tableHops; more > 0 {
		rows = append(rows, row{Note: fmt.Sprintf("(%d more in load.html)", more)})
	}
	return rows
}

// hopLine is one row of the page's hops table and the width of its bar.
type hopLine struct {
	Cells []string
	Bar   float64
}

// hopLines has a bar per hop, proportional to its p50: the largest p50 is
// hopBarW pixels wide.
func hopLines(hops []load.Hop) []hopLine {
	top := largestP50(hops)
	out := make([]hopLine, len(hops))
	for i, h := range hops {
		out[i] = hopLine{Cells: hopCells(h)}
		if top > 0 {
			out[i].Bar = hopBarW * max(finite(h.P50), 0) / top
		}
	}
	return out
}

func largestP50(hops []load.Hop) float64 {
	top := 0.0
	for _, h := range hops {
		top = max(top, finite(h.P50))
	}
	return top
}
