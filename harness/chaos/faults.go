package chaos

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// Fault is one failure a phase injects and later heals.
type Fault struct {
	// Name is what --faults and the @chaos features call it: kill-ordering,
	// nats-restart, postgres-immediate, sms-failing, redeliver-3x, ...
	Name string
	// What says in words what happens, for the report.
	What   string
	inject func(context.Context, *Target) error
	heal   func(context.Context, *Target) error
	// tookEffect says why the counts show the fault did not happen ("" when
	// they show nothing of the kind); nil: nothing to check.
	tookEffect func(Counts) string
}

// smsTimeoutMs is longer than notifications' 10 s send timeout: a send
// answered this late has timed out at the sender, which tries again.
const smsTimeoutMs = 10_500

// Faults lists every fault a topology's system can take, in the order a
// full run injects them: each service killed, the broker, the database,
// the SMS provider, redelivery, then all of them together. pausable says
// whether the runtime can freeze the broker (runtime.BrokerPauser: the
// containers runtime).
func Faults(topo topology.Topology, pausable bool) []Fault {
	var out []Fault
	for _, s := range topo.Services {
		out = append(out, kill(s.Name))
	}
	if saga := sagaServices(topo); len(saga) > 1 {
		out = append(out, killTogether("kill-saga", saga))
	}
	out = append(out,
		Fault{Name: "nats-restart", What: "NATS stopped, then started again with its stored messages",
			inject: func(ctx context.Context, t *Target) error { return t.Faults.StopBroker(ctx) },
			heal:   func(ctx context.Context, t *Target) error { return t.Faults.StartBroker(ctx) }})
	if topo.Clustered() {
		out = append(out,
			nodeDown("nats-node-down", runtime.NodeFollower, "a NATS node holding a replica of the stream stopped, then started again"),
			nodeDown("nats-leader-down", runtime.NodeLeader, "the NATS node leading the stream stopped (a new leader is elected), then started again"))
	}
	if pausable {
		out = append(out, Fault{Name: "nats-pause", What: "NATS frozen (docker pause), then resumed",
			inject: func(ctx context.Context, t *Target) error {
				return withPauser(t, runtime.BrokerPauser.PauseBroker, ctx)
			},
			heal: func(ctx context.Context, t *Target) error {
				return withPauser(t, runtime.BrokerPauser.ResumeBroker, ctx)
			}})
	}
	out = append(out, postgres(runtime.ShutdownFast), postgres(runtime.ShutdownImmediate),
		smsFault("sms-failing", "the SMS provider fails every second send (503)",
			smsprovider.Fault{Mode: smsprovider.ModeFail, Every: 2}),
		smsFault("sms-timeouts", "the SMS provider answers every third send after the sender's timeout",
			smsprovider.Fault{Mode: smsprovider.ModeSlow, Every: 3, DelayMs: smsTimeoutMs}),
		Fault{Name: "redeliver-3x", What: "every consumed message delivered three times",
			inject: func(ctx context.Context, t *Target) error { _, err := t.forceDeliveries(ctx, 3); return err },
			heal:   func(ctx context.Context, t *Target) error { _, err := t.forceDeliveries(ctx, 1); return err },
			tookEffect: func(c Counts) string {
				if c.Redelivered == 0 {
					return "no message was delivered again: the fault did not take effect"
				}
				return ""
			}},
	)
	return append(out, combined(out))
}

// withPauser calls do on the target's broker pauser.
func withPauser(t *Target, do func(runtime.BrokerPauser, context.Context) error, ctx context.Context) error {
	p, ok := t.Faults.(runtime.BrokerPauser)
	if !ok {
		return errors.New("this runtime cannot pause the broker")
	}
	return do(p, ctx)
}

// nodeDown stops one node of a NATS cluster and starts it again.
func nodeDown(name, role, what string) Fault {
	var stopped string // the node inject stopped, for heal
	nodes := func(t *Target) (runtime.BrokerNodes, error) {
		n, ok := t.Faults.(runtime.BrokerNodes)
		if !ok {
			return nil, errors.New("NATS runs as one server here: use the cluster topology")
		}
		return n, nil
	}
	return Fault{Name: name, What: what,
		inject: func(ctx context.Context, t *Target) error {
			n, err := nodes(t)
			if err == nil {
				stopped, err = n.StopBrokerNode(ctx, role)
			}
			return err
		},
		heal: func(ctx context.Context, t *Target) error {
			n, err := nodes(t)
			if err != nil || stopped == "" {
				return err
			}
			return n.StartBrokerNode(ctx, stopped)
		}}
}

func kill(service string) Fault {
	return Fault{Name: "kill-" + service, What: service + " killed (SIGKILL) in the middle of checkouts, then restarted",
		inject: func(ctx context.Context, t *Target) error { return t.Faults.KillService(ctx, service) },
		heal:   func(ctx context.Context, t *Target) error { return t.Faults.StartService(ctx, service) }}
}

// sagaServices are the services of the create-order saga's participants
// that the topology runs as separate processes.
func sagaServices(topo topology.Topology) []string {
	var out []string
	for _, name := range []string{"ordering", "cosec", "depot"} {
		if _, ok := topo.Service(name); ok {
			out = append(out, name)
		}
	}
	return out
}

// killTogether kills several services at once and restarts them together.
func killTogether(name string, services []string) Fault {
	return Fault{Name: name, What: strings.Join(services, ", ") + " killed together (SIGKILL), then restarted",
		inject: func(ctx context.Context, t *Target) error {
			var errs []error
			for _, s := range services {
				errs = append(errs, t.Faults.KillService(ctx, s))
			}
			return errors.Join(errs...)
		},
		heal: func(ctx context.Context, t *Target) error {
			var errs []error
			for _, s := range services {
				errs = append(errs, t.Faults.StartService(ctx, s))
			}
			return errors.Join(errs...)
		}}
}

func postgres(mode string) Fault {
	return Fault{Name: "postgres-" + mode, What: "Postgres shut down (" + mode + "), then started again",
		inject: func(ctx context.Context, t *Target) error { return t.Faults.StopDatabase(ctx, mode) },
		heal:   func(ctx context.Context, t *Target) error { return t.Faults.StartDatabase(ctx) }}
}

func smsFault(name, what string, f smsprovider.Fault) Fault {
	return Fault{Name: name, What: what,
		inject: func(ctx context.Context, t *Target) error { _, err := t.api.SetSMSFault(ctx, f); return err },
		heal:   func(ctx context.Context, t *Target) error { return t.api.ClearSMSFault(ctx) }}
}

// combinedParts are the faults injected together by "combined": a context
// crash, the broker and the database down, the SMS provider failing and
// every message delivered three times.
var combinedParts = []string{"redeliver-3x", "sms-failing", "kill-ordering", "kill-mallbots", "nats-restart", "postgres-immediate"}

// combined injects combinedParts in that order and heals them in reverse.
func combined(all []Fault) Fault {
	var parts []Fault
	for _, f := range all {
		if slices.Contains(combinedParts, f.Name) {
			parts = append(parts, f)
		}
	}
	slices.SortFunc(parts, func(a, b Fault) int {
		return slices.Index(combinedParts, a.Name) - slices.Index(combinedParts, b.Name)
	})
	var names []string
	for _, p := range parts {
		names = append(names, p.Name)
	}
	return Fault{Name: "combined", What: "together: " + strings.Join(names, ", "),
		inject: func(ctx context.Context, t *Target) error {
			for _, p := range parts {
				if err := p.inject(ctx, t); err != nil {
					return fmt.Errorf("%s: %w", p.Name, err)
				}
			}
			return nil
		},
		heal: func(ctx context.Context, t *Target) error {
			var errs []error
			for _, p := range slices.Backward(parts) {
				if err := p.heal(ctx, t); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", p.Name, err))
				}
			}
			return errors.Join(errs...)
		}}
}

// Select picks faults by name ("all", or a comma-separated list), and
// names every unknown one with the list of known ones.
func Select(all []Fault, list string) ([]Fault, error) {
	if list == "" || list == "all" {
		return all, nil
	}
	var out []Fault
	var unknown []string
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(all, func(f Fault) bool { return f.Name == name })
		if i < 0 {
			unknown = append(unknown, name)
			continue
		}
		out = append(out, all[i])
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("unknown fault %s; this runtime and topology offer: %s",
			strings.Join(unknown, ", "), strings.Join(Names(all), ", "))
	}
	return out, nil
}

// Names lists the faults' names.
func Names(all []Fault) []string {
	names := make([]string, len(all))
	for i, f := range all {
		names[i] = f.Name
	}
	return names
}
