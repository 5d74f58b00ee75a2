package steps

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mallbots/mallbots/harness/chaos"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/world"
)

func registerChaos(r *registry, x *scenarioSteps) {
	r.add(`^"([^"]*)" strikes for (\d+) seconds? while customers check out (\d+) times a second$`,
		`"kill-saga" strikes for 1 second while customers check out 10 times a second`, x.chaosPhase)
	r.add(`^every accepted checkout is approved$`, `every accepted checkout is approved`, x.everyCheckoutApproved)
	r.add(`^no order, shopping list, invoice, payment or SMS is duplicated$`,
		`no order, shopping list, invoice, payment or SMS is duplicated`, x.nothingDuplicated)
	r.add(`^every outbox row is published to the stream exactly once$`,
		`every outbox row is published to the stream exactly once`, x.outboxExactlyOnce)
	r.add(`^the dead-letter queues hold only the poison message$`,
		`the dead-letter queues hold only the poison message`, x.onlyPoisonDeadLettered)
	r.add(`^every order's SMS is received$`, `every order's SMS is received`, x.everySMSReceived)
}

// chaosLead is how long checkouts run before the fault strikes and after
// it is healed.
const chaosLead = time.Second

// chaosPhase drives checkouts while the named fault strikes for down
// seconds, a second after they began, waits for the system to be quiet and
// counts (package chaos). It fails only when the phase could not run, the
// fault could not be injected or healed, or the system did not settle; the
// Then steps judge the counts.
func (x *scenarioSteps) chaosPhase(ctx context.Context, fault string, down, rate int) error {
	if !x.serial {
		return fmt.Errorf("a chaos phase disturbs every scenario: tag the scenario %s", world.SerialTag)
	}
	t, err := chaos.NewTarget(ctx, x.w.Env, x.w.Topology)
	if err != nil {
		return err
	}
	defer t.Close()
	_, pausable := x.w.Env.(runtime.BrokerPauser)
	faults, err := chaos.Select(chaos.Faults(x.w.Topology, pausable), fault)
	if err != nil {
		return err
	}
	downFor := time.Duration(down) * time.Second
	ph, err := chaos.RunPhase(ctx, t, faults[0], chaos.Settings{Rate: float64(rate), Window: chaosLead + downFor + chaosLead,
		At: chaosLead, Down: downFor,
		Runtime: x.w.Runtime, Topology: x.w.Topology.Name})
	if err != nil {
		return err
	}
	x.chaos = &ph
	for _, v := range ph.Violations {
		if strings.HasPrefix(v, "the fault could not") || strings.HasPrefix(v, "the system was still busy") {
			return errors.New(v)
		}
	}
	return nil
}

// counted checks one promise against the phase's counts; the failure
// gives every count, as evidence.
func (x *scenarioSteps) counted(promise string, kept func(chaos.Counts) bool) error {
	if x.chaos == nil {
		return errors.New("no chaos phase ran in this scenario")
	}
	if kept(x.chaos.Counts) {
		return nil
	}
	return fmt.Errorf("%s: broken in the %s phase\nviolations: %s\nreasons: %v\ncounts: %+v", promise, x.chaos.Fault,
		strings.Join(x.chaos.Violations, "; "), x.chaos.Reasons, x.chaos.Counts)
}

func (x *scenarioSteps) everyCheckoutApproved(context.Context) error {
	return x.counted("every accepted checkout is approved", func(c chaos.Counts) bool {
		return c.Accepted > 0 && c.Approved == c.Accepted && c.Rejected == 0 && c.NotTerminal == 0 && c.SagaOpen == 0
	})
}

func (x *scenarioSteps) nothingDuplicated(context.Context) error {
	return x.counted("nothing is duplicated", func(c chaos.Counts) bool {
		for _, n := range c.Duplicates {
			if n > 0 {
				return false
			}
		}
		return len(c.Duplicates) > 0
	})
}

func (x *scenarioSteps) outboxExactlyOnce(context.Context) error {
	return x.counted("every outbox row is published exactly once", func(c chaos.Counts) bool {
		return c.OutboxRows > 0 && c.PublishedOnce == c.OutboxRows
	})
}

func (x *scenarioSteps) onlyPoisonDeadLettered(context.Context) error {
	return x.counted("the dead-letter queues hold only the poison", func(c chaos.Counts) bool {
		return c.ExpectedPoison > 0 && c.PoisonDeadLetters == c.ExpectedPoison && c.OtherDeadLetters == 0
	})
}

func (x *scenarioSteps) everySMSReceived(context.Context) error {
	return x.counted("every order's SMS is received", func(c chaos.Counts) bool {
		return c.Orders > 0 && c.MissingSMS == 0 && c.SMS == c.Orders
	})
}
