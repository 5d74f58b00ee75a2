package suite

import (
	"slices"

	"github.com/mallbots/mallbots/harness/flakes"
	"github.com/mallbots/mallbots/harness/report"
)

// outcomesOf is how each scenario ended, from the cucumber JSON of a run.
func outcomesOf(features []report.Feature) []flakes.Outcome {
	var out []flakes.Outcome
	for _, f := range features {
		for _, e := range f.Elements {
			if e.Type == "scenario" {
				out = append(out, outcomeOf(f.URI, e))
			}
		}
	}
	return out
}

// outcomeOf is how scenario e of the feature at uri ended: a scenario
// without step results (one go test -run left out) did not fail. A step skips
// (godog.ErrSkip) without failing; the first step that neither passed nor
// skipped is the failure (the steps after it are skipped because of it).
func outcomeOf(uri string, e report.Element) flakes.Outcome {
	o := flakes.Outcome{URI: uri, Line: e.Line, Name: e.Name, Passed: true,
		Quarantined: slices.ContainsFunc(e.Tags, func(t report.Tag) bool { return t.Name == QuarantineTag })}
	for _, s := range e.Steps {
		if s.Result.Status == "passed" || s.Result.Status == "skipped" {
			continue
		}
		o.Passed, o.Step, o.Message = false, s.Keyword+s.Name, s.Result.Error
		if o.Message == "" {
			o.Message = "the step is " + s.Result.Status
		}
		break
	}
	return o
}
