package loadreport

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mallbots/mallbots/harness/load"
)

// num formats v with at most one decimal: 100, 0.5, 12.3.
func num(v float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(finite(v), 'f', 1, 64), ".0")
}

// fixed formats v with one decimal, so that columns of them line up.
func fixed(v float64) string {
	return strconv.FormatFloat(finite(v), 'f', 1, 64)
}

// mib is bytes in MiB.
func mib(b uint64) float64 {
	return float64(b) / (1 << 20)
}

// finite maps NaN and ±Inf to 0, so that no output ever shows them.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// modeLine says how the run drove the system: "open loop 100/s for 30s".
func modeLine(s load.Settings) string {
	d := num(s.Duration) + "s"
	switch s.Mode {
	case "open":
		return fmt.Sprintf("open loop %s/s for %s", num(s.Rate), d)
	case "closed":
		return fmt.Sprintf("closed loop, %s for %s", plural(s.Concurrency, "customer"), d)
	}
	return fmt.Sprintf("%s loop for %s", orDash(s.Mode), d)
}

// headerLine is the run in one line: mode, runtime, topology, until, CPUs.
func headerLine(r load.Result) string {
	s := r.Settings
	return fmt.Sprintf("%s, runtime %s, topology %s, until %s, %s", modeLine(s),
		orDash(s.Runtime), orDash(s.Topology), orDash(s.Until), plural(r.Machine.CPUs, "CPU"))
}

// count is one entry of a tally: an outcome or an error kind.
type count struct {
	Name string
	N    int
}

// tally lists m largest first, ties by name.
func tally(m map[string]int) []count {
	out := make([]count, 0, len(m))
	for name, n := range m {
		out = append(out, count{name, n})
	}
	slices.SortFunc(out, func(a, b count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Name, b.Name))
	})
	return out
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
