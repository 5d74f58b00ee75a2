package shard

import (
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/harness/report"
)

// MergeInteractions merges the shards' interactions sidecars, from[i]
// naming where parts[i] came from: every scenario once, ordered by feature
// URI and line as a run writes them. A scenario in two parts is refused
// (one whose line is unknown, 0, is not told apart).
func MergeInteractions(parts []report.Interactions, from []string) (report.Interactions, error) {
	out := report.Interactions{Scenarios: []report.Scenario{}}
	seen := map[Scenario]string{}
	for i, p := range parts {
		for _, s := range p.Scenarios {
			key := Scenario{s.URI, s.Line}
			if prev, ok := seen[key]; ok && s.Line != 0 {
				return out, fmt.Errorf("scenario %s is in two interactions sidecars: %s and %s", key, prev, from[i])
			}
			seen[key] = from[i]
			out.Scenarios = append(out.Scenarios, s)
		}
	}
	slices.SortStableFunc(out.Scenarios, func(a, b report.Scenario) int {
		return Compare(Scenario{a.URI, a.Line}, Scenario{b.URI, b.Line})
	})
	return out, nil
}
