package shard

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/mallbots/mallbots/harness/report"
)

// Scenario is a scenario where it is written: its feature file's URI and
// its line, or its example row's line for a scenario outline, as cucumber
// JSON gives them.
type Scenario struct {
	URI  string
	Line int
}

func (s Scenario) String() string { return report.Key(s.URI, s.Line) }

// Compare orders scenarios by URI, then line.
func Compare(a, b Scenario) int {
	return cmp.Or(cmp.Compare(a.URI, b.URI), cmp.Compare(a.Line, b.Line))
}

// Timings are scenarios' durations in an earlier run.
type Timings map[Scenario]time.Duration

// TimingsOf reads the durations of a run's scenarios from its cucumber
// JSON: each the sum of its steps' durations.
func TimingsOf(features []report.Feature) Timings {
	out := Timings{}
	for _, f := range features {
		for _, e := range f.Elements {
			if e.Type != "scenario" {
				continue
			}
			var d time.Duration
			for _, s := range e.Steps {
				if s.Result.Duration != nil {
					d += time.Duration(*s.Result.Duration)
				}
			}
			out[Scenario{f.URI, e.Line}] = d
		}
	}
	return out
}

// Split assigns scenarios to n shards: every scenario to exactly one, the
// same way whatever order they come in. Sorted by URI and line, they are
// placed heaviest first (ties in that order) on the shard with the least
// weight so far (ties: the lowest shard). A scenario weighs its duration
// in timings; one timings lacks (new since) weighs the mean of the others;
// without timings all weigh alike, which deals them out in turn. Each
// shard's scenarios come sorted.
func Split(scenarios []Scenario, n int, timings Timings) [][]Scenario {
	sorted := slices.Clone(scenarios)
	slices.SortFunc(sorted, Compare)
	sorted = slices.Compact(sorted)
	weights := timings.weigh(sorted)
	order := make([]int, len(sorted))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weights[b], weights[a]) })
	shards, load := make([][]Scenario, n), make([]time.Duration, n)
	for _, i := range order {
		lightest := 0
		for k := range load {
			if load[k] < load[lightest] {
				lightest = k
			}
		}
		shards[lightest] = append(shards[lightest], sorted[i])
		load[lightest] += weights[i]
	}
	for _, s := range shards {
		slices.SortFunc(s, Compare)
	}
	return shards
}

// weigh is the weight of each scenario: its duration, the mean of the
// known ones when unknown, 1 for all without timings.
func (t Timings) weigh(scenarios []Scenario) []time.Duration {
	var sum time.Duration
	known := 0
	for _, s := range scenarios {
		if d, ok := t[s]; ok {
			sum, known = sum+d, known+1
		}
	}
	unknown := time.Duration(1)
	if known > 0 {
		unknown = sum / time.Duration(known)
	}
	out := make([]time.Duration, len(scenarios))
	for i, s := range scenarios {
		d, ok := t[s]
		if !ok {
			d = unknown
		}
		out[i] = d
	}
	return out
}

// Fingerprint names a selection of scenarios, whatever their order: two
// shards with the same fingerprint split the same scenarios.
func Fingerprint(scenarios []Scenario) string {
	sorted := slices.Clone(scenarios)
	slices.SortFunc(sorted, Compare)
	h := sha256.New()
	for _, s := range sorted {
		fmt.Fprintln(h, s)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}
