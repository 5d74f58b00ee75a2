package steps

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/harness/chaos"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/system/platform/redact"
)

// scenarioSteps is the per-scenario receiver of every step.
type scenarioSteps struct {
	w      *world.World
	s      *world.Scenario
	serial bool
	// undo holds what a fault step broke, to be restored after the scenario.
	undo map[string]func(context.Context) error
	// chaos is what the scenario's chaos phase counted (nil before one ran).
	chaos *chaos.Phase
	// marks are the steps begun so far, each with how many HTTP exchanges
	// the scenario had made before it.
	marks []mark
}

type mark struct {
	step      string
	exchanges int
}

// Finished is what a scenario leaves for the reports when it ends.
type Finished struct {
	Pickle        *godog.Scenario
	CorrelationID string
	Exchanges     []world.Exchange
	// Steps names, for each exchange, the text of the step that made it.
	Steps []string
	// Timeline is the scenario's messages seen by the event tap.
	Timeline []tap.Record
}

// Observer receives each scenario as it ends; scenarios end concurrently.
type Observer func(Finished)

func hasTag(p *godog.Scenario, tag string) bool {
	for _, t := range p.Tags {
		if t.Name == tag {
			return true
		}
	}
	return false
}

// Initialize registers every step on a scenario; godog calls it once per
// scenario, so the state made here belongs to that scenario alone. Each
// observer receives the scenario when it ends.
func Initialize(sc *godog.ScenarioContext, w *world.World, observers ...Observer) {
	x := &scenarioSteps{w: w, undo: map[string]func(context.Context) error{}}
	sc.Before(func(ctx context.Context, p *godog.Scenario) (context.Context, error) {
		x.serial = hasTag(p, world.SerialTag)
		w.Enter(x.serial)
		x.s = world.NewScenario(w, p.Name)
		return x.s.Context(ctx), nil
	})
	sc.StepContext().Before(func(ctx context.Context, st *godog.Step) (context.Context, error) {
		if x.s != nil {
			x.marks = append(x.marks, mark{step: st.Text, exchanges: len(x.s.Exchanges())})
		}
		return ctx, nil
	})
	sc.After(func(ctx context.Context, p *godog.Scenario, err error) (context.Context, error) {
		if x.s != nil {
			for _, observe := range observers {
				observe(x.finished(p))
			}
		}
		// Faults are undone before the scenario lets others in: a @serial
		// scenario that stopped the broker must not hand it over stopped.
		restored := x.restoreFaults(ctx)
		w.Leave(x.serial)
		return ctx, restored
	})
	registerAll(&registry{sc: sc, explained: x.explained}, x)
}

// finished is the scenario as it ends, each HTTP exchange with its step.
func (x *scenarioSteps) finished(p *godog.Scenario) Finished {
	f := Finished{Pickle: p, CorrelationID: x.s.CorrelationID, Exchanges: x.s.Exchanges(), Timeline: x.s.Timeline()}
	f.Steps = make([]string, len(f.Exchanges))
	for _, m := range x.marks {
		for i := m.exchanges; i < len(f.Steps); i++ {
			f.Steps[i] = m.step
		}
	}
	return f
}

func registerAll(r *registry, x *scenarioSteps) {
	for _, group := range []struct {
		name     string
		register func(*registry, *scenarioSteps)
	}{
		{"HTTP and JSON", registerHTTP},
		{"Variables", registerVariables},
		{"Messages", registerMessages},
		{"Faults (only in @serial scenarios, except poison messages)", registerFaults},
		{"Chaos under load (only in @serial scenarios)", registerChaos},
	} {
		r.group = group.name
		group.register(r, x)
	}
	registerDomain(r, x)
}

// explain adds what happened in the scenario to a step's failure.
func (x *scenarioSteps) explain(err error) error {
	if x.s == nil {
		return err
	}
	var b strings.Builder
	b.WriteString(err.Error())
	if _, ok := err.(*tap.AwaitError); !ok {
		b.WriteString(tap.Timeline(x.s.Timeline()))
	}
	if ex := x.s.Exchanges(); len(ex) > 0 {
		b.WriteString("\nHTTP exchanges:")
		for _, e := range ex[max(0, len(ex)-8):] {
			b.WriteString("\n  " + e.String())
		}
	}
	for _, service := range x.involvedServices() {
		lines := x.w.Env.Logs(service, 12)
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\nlast log lines of %s:\n  %s", service, strings.Join(lines, "\n  "))
	}
	// Exchanges and logs come masked; the step's own error may quote a
	// DSN or a header too, and failures end up in shared reports.
	return fmt.Errorf("%s", redact.Text(b.String()))
}

// involvedServices are the services the scenario called or heard from.
func (x *scenarioSteps) involvedServices() []string {
	seen := map[string]bool{}
	for _, r := range x.s.Timeline() {
		parts := strings.Split(r.Subject, ".")
		if len(parts) > 1 {
			if svc, ok := x.w.Topology.ServiceOf(parts[1]); ok {
				seen[svc.Name] = true
			}
		}
	}
	for _, e := range x.s.Exchanges() {
		for name, base := range x.w.Env.Endpoints().Services {
			if u, err := url.Parse(base); err == nil && strings.Contains(e.URL, u.Host) {
				seen[name] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
