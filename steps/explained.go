package steps

import (
	"context"
	"fmt"

	"github.com/cucumber/godog"
)

// explained returns fn, a step method, as a step of the same signature
// whose failures carry the scenario's timeline, HTTP exchanges and service
// logs (x.explain). A plain closure per signature rather than
// reflect.MakeFunc: godog names a step by its handler's code, and every
// MakeFunc'd handler is reflect.makeFuncStub.
func (x *scenarioSteps) explained(fn any) any {
	switch f := fn.(type) {
	case func(context.Context) error:
		return func(ctx context.Context) error { return x.failed(f(ctx)) }
	case func(context.Context, string) error:
		return func(ctx context.Context, a string) error { return x.failed(f(ctx, a)) }
	case func(context.Context, string, string) error:
		return func(ctx context.Context, a, b string) error { return x.failed(f(ctx, a, b)) }
	case func(context.Context, string, string, string) error:
		return func(ctx context.Context, a, b, c string) error { return x.failed(f(ctx, a, b, c)) }
	case func(context.Context, string, string, string, string) error:
		return func(ctx context.Context, a, b, c, d string) error { return x.failed(f(ctx, a, b, c, d)) }
	}
	return x.explainedWithArguments(fn)
}

// explainedWithArguments is explained for steps with numbers, tables or
// doc strings.
func (x *scenarioSteps) explainedWithArguments(fn any) any {
	switch f := fn.(type) {
	case func(context.Context, int) error:
		return func(ctx context.Context, n int) error { return x.failed(f(ctx, n)) }
	case func(context.Context, string, int) error:
		return func(ctx context.Context, a string, n int) error { return x.failed(f(ctx, a, n)) }
	case func(context.Context, string, string, int) error:
		return func(ctx context.Context, a, b string, n int) error { return x.failed(f(ctx, a, b, n)) }
	case func(context.Context, string, int, int) error:
		return func(ctx context.Context, a string, n, m int) error { return x.failed(f(ctx, a, n, m)) }
	case func(context.Context, string, int, string) error:
		return func(ctx context.Context, a string, n int, b string) error { return x.failed(f(ctx, a, n, b)) }
	case func(context.Context, *godog.Table) error:
		return func(ctx context.Context, t *godog.Table) error { return x.failed(f(ctx, t)) }
	case func(context.Context, string, *godog.Table) error:
		return func(ctx context.Context, a string, t *godog.Table) error { return x.failed(f(ctx, a, t)) }
	case func(context.Context, string, string, string, *godog.DocString) error:
		return func(ctx context.Context, a, b, c string, d *godog.DocString) error {
			return x.failed(f(ctx, a, b, c, d))
		}
	}
	panic(fmt.Sprintf("steps: a step method must take the step's context first and return an error; add %T to explained", fn))
}

// failed is err with what happened in the scenario, or nil.
func (x *scenarioSteps) failed(err error) error {
	if err == nil {
		return nil
	}
	return x.explain(err)
}
