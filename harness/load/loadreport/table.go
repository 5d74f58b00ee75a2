package loadreport

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/mallbots/mallbots/harness/load"
)

// WriteTable writes the end-of-run summary of r: how the run was made, the
// checkouts, per-stage latency and throughput, the slowest hops between
// an order's messages, outcomes, errors by kind, the orders left not
// terminal and every component's memory and CPU.
func WriteTable(w io.Writer, r load.Result) error {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "load run: %s\n", headerLine(r))
	fmt.Fprintf(tw, "window %ss + drain %ss; checkouts: %d sent, %d accepted\n\n",
		fixed(r.Elapsed), fixed(r.Drain), r.Checkouts, r.Accepted)
	writeRows(tw, latencyHead, latencyRows(r), "no stage reached")
	writeHops(tw, r.Hops)
	writeOutcomes(tw, r)
	writeRows(tw, resourceHead, resourceRows(r), "no component measured")
	fmt.Fprintf(tw, "total peak memory: %s MiB\n", fixed(mib(r.PeakTotalMemory)))
	tw.Flush()
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write load summary: %w", err)
	}
	return nil
}

// writeRows writes an aligned table, or none when there are no rows. A
// note is the last cell of its line, so it does not widen any column.
func writeRows(w io.Writer, head []string, rows []row, none string) {
	if len(rows) == 0 {
		fmt.Fprintf(w, "%s\n\n", none)
		return
	}
	fmt.Fprintln(w, strings.Join(head, "\t"))
	for _, r := range rows {
		cells := r.Cells
		if r.Note != "" {
			cells = append(cells[:len(cells):len(cells)], r.Note)
		}
		fmt.Fprintln(w, strings.Join(cells, "\t"))
	}
	fmt.Fprintln(w)
}

func writeOutcomes(w io.Writer, r load.Result) {
	var outcomes []string
	for _, c := range tally(r.Outcomes) {
		outcomes = append(outcomes, fmt.Sprintf("%s %d", c.Name, c.N))
	}
	fmt.Fprintf(w, "outcomes: %s\n", orDash(strings.Join(outcomes, ", ")))
	fmt.Fprintf(w, "errors: %d\n", total(r.Errors))
	for _, c := range tally(r.Errors) {
		fmt.Fprintf(w, "  %d\t%s\n", c.N, c.Name)
	}
	if r.NotTerminal > 0 {
		fmt.Fprintf(w, "!! not terminal at the end: %s !!\n\n", plural(r.NotTerminal, "order"))
		return
	}
	fmt.Fprintf(w, "not terminal at the end: 0\n\n")
}
