package steps

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func registerFaults(r *registry, x *scenarioSteps) {
	r.add(`^the (\w+) service stops$`, `the ordering service stops`, x.stopService)
	r.add(`^the (\w+) service starts again$`, `the ordering service starts again`, x.startService)
	r.add(`^the message broker goes down$`, `the message broker goes down`, x.brokerDown)
	r.add(`^the message broker comes back$`, `the message broker comes back`, x.brokerBack)
	r.add(`^a malformed "([^"]*)" event is published by (\w+)$`, `a malformed "StoreCreated" event is published by stores`, x.publishPoison)
	r.add(`^the malformed event ends in the dead-letter queue of "([^"]*)"$`,
		`the malformed event ends in the dead-letter queue of "baskets-stores"`, x.deadLettered)
	r.add(`^exactly one "([^"]*)" message is published$`, `exactly one "StoreCreated" message is published`, x.exactlyOne)
}

// controls returns the runtime's fault controls for a serial scenario.
func (x *scenarioSteps) controls() (runtime.Controls, error) {
	if !x.serial {
		return nil, fmt.Errorf("this step disturbs every scenario: tag the scenario %s", world.SerialTag)
	}
	c, ok := x.w.Controls()
	if !ok {
		return nil, fmt.Errorf("the %s runtime offers no fault controls", x.w.Runtime)
	}
	return c, nil
}

func (x *scenarioSteps) service(name string) error {
	if _, ok := x.w.Topology.Service(name); !ok {
		return fmt.Errorf("no service %q in topology %s", name, x.w.Topology.Name)
	}
	return nil
}

func (x *scenarioSteps) stopService(ctx context.Context, name string) error {
	c, err := x.controls()
	if err != nil {
		return err
	}
	if err := x.service(name); err != nil {
		return err
	}
	x.undo["service "+name] = func(ctx context.Context) error { return c.StartService(ctx, name) }
	return c.StopService(ctx, name)
}

func (x *scenarioSteps) startService(ctx context.Context, name string) error {
	c, err := x.controls()
	if err != nil {
		return err
	}
	delete(x.undo, "service "+name)
	return c.StartService(ctx, name)
}

func (x *scenarioSteps) brokerDown(ctx context.Context) error {
	c, err := x.controls()
	if err != nil {
		return err
	}
	x.undo["broker"] = c.StartBroker
	return c.StopBroker(ctx)
}

func (x *scenarioSteps) brokerBack(ctx context.Context) error {
	c, err := x.controls()
	if err != nil {
		return err
	}
	delete(x.undo, "broker")
	return c.StartBroker(ctx)
}

// restoreFaults brings back what a failed serial scenario left broken, so
// that one failure does not fail every scenario after it.
func (x *scenarioSteps) restoreFaults(ctx context.Context) error {
	var errs []error
	for fault, undo := range x.undo {
		if err := undo(context.WithoutCancel(ctx)); err != nil {
			errs = append(errs, fmt.Errorf("restore %s: %w", fault, err))
		}
	}
	clear(x.undo)
	return errors.Join(errs...)
}

// exactlyOneWindow is how long "exactly one" waits for a second message that
// must not come: longer than a relay retry, short enough for a suite.
const exactlyOneWindow = time.Second

// publishPoison publishes an envelope of the scenario whose payload has the
// wrong types, as a buggy producer would.
func (x *scenarioSteps) publishPoison(ctx context.Context, name, context string) error {
	env, err := msg.New(x.s.Context(ctx), msg.EventSubject(context, name), name,
		map[string]any{"storeId": 42, "name": true, "participating": "sometimes"})
	if err != nil {
		return err
	}
	data, err := json.Marshal(env)
	if err != nil {
		return err
	}
	if err := x.w.Tap.Conn().Publish(env.Subject, data); err != nil {
		return err
	}
	return x.w.Tap.Conn().Flush()
}

func (x *scenarioSteps) deadLettered(ctx context.Context, consumer string) error {
	_, err := x.s.AwaitMessage(ctx, 0, "a dead letter of "+consumer, func(r tap.Record) bool {
		return r.DeadLetter != nil && r.DeadLetter.Consumer == consumer
	})
	return err
}

// exactlyOne awaits a message, then checks a quiet second brings no other.
func (x *scenarioSteps) exactlyOne(ctx context.Context, name string) error {
	first, err := x.s.AwaitMessage(ctx, 0, "a "+name+" message", tap.Named(name))
	if err != nil {
		return err
	}
	return x.s.AssertNoMessage(ctx, exactlyOneWindow, "second "+name+" message",
		tap.All(tap.Named(name), func(r tap.Record) bool { return r.Seq != first.Seq }))
}
