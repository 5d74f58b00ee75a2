package steps

import (
	"runtime"

	"github.com/cucumber/godog"
)

// Step is one entry of the step catalogue.
type Step struct {
	Group   string
	Pattern string
	Example string
}

// registry registers steps on a scenario and records them for the catalogue.
type registry struct {
	sc    *godog.ScenarioContext
	group string
	steps []Step
	// explained returns a step's method with its failures explained.
	explained func(fn any) any
}

// add registers fn under pattern; example is a step text that matches it.
// godog locates a step where ScenarioContext.Step is called, here for
// every step, so add moves the location to its own caller: the line of
// steps/ that maps the pattern to its method.
func (r *registry) add(pattern, example string, fn any) {
	handler := r.explained(fn) // also in the catalogue: an unsupported signature fails its tests
	r.steps = append(r.steps, Step{Group: r.group, Pattern: pattern, Example: example})
	if r.sc == nil {
		return
	}
	_, file, line, _ := runtime.Caller(1)
	r.sc.Step(pattern, handler)
	locate(r.sc, file, line)
}

// Catalogue lists every step with an example, grouped by concern.
func Catalogue() []Step {
	x := &scenarioSteps{}
	r := &registry{explained: x.explained}
	registerAll(r, x)
	return r.steps
}
