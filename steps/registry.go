package steps

import (
	"reflect"

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
	sc     *godog.ScenarioContext
	group  string
	steps  []Step
	enrich func(error) error
}

// add registers fn under pattern; example is a step text that matches it.
func (r *registry) add(pattern, example string, fn any) {
	r.steps = append(r.steps, Step{Group: r.group, Pattern: pattern, Example: example})
	if r.sc != nil {
		r.sc.Step(pattern, r.wrap(fn))
	}
}

var errorType = reflect.TypeFor[error]()

// wrap returns fn with the same signature, whose failures carry the
// scenario's timeline, HTTP exchanges and service logs.
func (r *registry) wrap(fn any) any {
	v := reflect.ValueOf(fn)
	t := v.Type()
	if r.enrich == nil || t.NumOut() == 0 || t.Out(t.NumOut()-1) != errorType {
		return fn
	}
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		out := v.Call(args)
		last := out[len(out)-1]
		if !last.IsNil() {
			enriched := r.enrich(last.Interface().(error))
			out[len(out)-1] = reflect.ValueOf(&enriched).Elem()
		}
		return out
	}).Interface()
}

// Catalogue lists every step with an example, grouped by concern.
func Catalogue() []Step {
	r := &registry{}
	registerAll(r, &scenarioSteps{})
	return r.steps
}
