package loadreport

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/mallbots/mallbots/harness/load"
)

// differences lists the settings current and baseline differ in.
func differences(current, baseline load.Result) []string {
	c, b := current.Settings, baseline.Settings
	settings := []struct{ name, cur, base string }{
		{"mode", c.Mode, b.Mode},
		{"rate", num(c.Rate), num(b.Rate)},
		{"concurrency", fmt.Sprint(c.Concurrency), fmt.Sprint(b.Concurrency)},
		{"duration", num(c.Duration) + "s", num(b.Duration) + "s"},
		{"runtime", c.Runtime, b.Runtime},
		{"topology", c.Topology, b.Topology},
		{"until", c.Until, b.Until},
		{"CPUs", fmt.Sprint(current.Machine.CPUs), fmt.Sprint(baseline.Machine.CPUs)},
	}
	var out []string
	for _, s := range settings {
		if s.cur != s.base {
			out = append(out, fmt.Sprintf("%s %s (baseline %s)", s.name, orDash(s.cur), orDash(s.base)))
		}
	}
	return out
}

// Write prints the comparison: a warning when the runs differ in settings,
// the tolerance, one aligned line per figure and the regressions counted.
func (c Comparison) Write(w io.Writer) error {
	var b bytes.Buffer
	c.writeHead(&b)
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tcurrent\tbaseline\tratio\tverdict")
	for _, r := range c.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Figure, num(r.Current), num(r.Baseline), r.RatioText(), r.Verdict)
	}
	tw.Flush()
	fmt.Fprintln(&b, regressionLine(c.Regressions()))
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write load comparison: %w", err)
	}
	return nil
}

// writeHead warns about unlike runs and says the tolerance.
func (c Comparison) writeHead(w io.Writer) {
	if len(c.Differences) > 0 {
		fmt.Fprintf(w, "warning: comparing unlike runs: %s\n", strings.Join(c.Differences, ", "))
	}
	t := c.Tolerance
	fmt.Fprintf(w, "tolerance: latency +%s%% and > %s ms, throughput -%s%%, memory +%s%%\n",
		num(100*t.Latency), num(t.LatencyFloorMs), num(100*t.Throughput), num(100*t.Memory))
}

func regressionLine(rows []Row) string {
	if len(rows) == 0 {
		return "no regression"
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Figure
	}
	return fmt.Sprintf("%s: %s", strings.ToUpper(plural(len(rows), "regression")), strings.Join(names, ", "))
}
