package chaos

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/mallbots/mallbots/harness/load"
)

// Phase is what one fault's phase did and counted.
type Phase struct {
	Fault string `json:"fault"`
	What  string `json:"what"`
	// Injected and Healed are when, in seconds into the window, the fault
	// struck and was healed.
	Injected float64 `json:"injectedAt"`
	Healed   float64 `json:"healedAt"`
	// Quiet is how long after the window the system was quiet again.
	Quiet  float64 `json:"quietAfterSeconds"`
	Counts Counts  `json:"counts"`
	// Reasons counts the rejected orders' reasons and the refused
	// checkouts' errors.
	Reasons map[string]int `json:"reasons,omitempty"`
	// Violations are the broken promises, in words; empty when it passed.
	Violations []string `json:"violations"`
}

// Passed reports whether the phase broke no promise.
func (p Phase) Passed() bool { return len(p.Violations) == 0 }

// RunPhase drives checkouts while f strikes, waits for the system to be
// quiet and counts. An error means the phase could not run at all; a broken
// promise is a violation in the result.
func RunPhase(ctx context.Context, t *Target, f Fault, s Settings) (Phase, error) {
	s.setDefaults()
	ph := Phase{Fault: f.Name, What: f.What, Reasons: map[string]int{}}
	st, err := t.prepare(ctx)
	if err != nil {
		return ph, err
	}
	begin := time.Now()
	loaded := make(chan loadOutcome, 1)
	go func() {
		res, err := load.Run(ctx, load.Config{Rate: s.Rate, Duration: s.Window, Until: s.Until, Drain: s.Settle,
			Progress: s.Progress, Runtime: s.Runtime, Topology: s.Topology}, t.Env)
		loaded <- loadOutcome{res, err}
	}()
	faultErr := strike(ctx, t, f, s, begin, &ph)
	out := <-loaded
	if out.err != nil {
		return ph, errors.Join(out.err, faultErr)
	}
	if faultErr != nil {
		ph.Violations = append(ph.Violations, "the fault could not be injected or healed: "+faultErr.Error())
	}
	ph.Counts.fromLoad(out.res, ph.Reasons)
	if err := t.settle(ctx, &ph, st, begin, s); err != nil {
		return ph, err
	}
	if f.tookEffect != nil {
		if v := f.tookEffect(ph.Counts); v != "" {
			ph.Violations = append(ph.Violations, v)
		}
	}
	return ph, nil
}

// start is what a phase notes before it drives: where the stream and the
// outboxes stand, its poison message, the redeliveries counted so far.
type start struct {
	marks       marks
	poison      poison
	redelivered uint64
}

func (t *Target) prepare(ctx context.Context) (start, error) {
	var st start
	var err error
	if st.marks, err = t.mark(ctx); err != nil {
		return st, err
	}
	if st.poison, err = t.publishPoison(ctx); err != nil {
		return st, err
	}
	st.redelivered, err = t.forceDeliveries(ctx, 1)
	return st, err
}

// settle waits for the system to be quiet after the window, then counts
// and judges.
func (t *Target) settle(ctx context.Context, ph *Phase, st start, begin time.Time, s Settings) error {
	quiet := time.Now().Add(s.Settle)
	if err := t.awaitQuiet(ctx, st.marks, quiet); err != nil {
		ph.Violations = append(ph.Violations, err.Error())
	}
	ph.Quiet = time.Since(begin).Seconds() - s.Window.Seconds()
	redelivered, err := t.forceDeliveries(ctx, 1)
	if err != nil {
		return err
	}
	// A service restarted in the phase counts from 0 again.
	ph.Counts.Redelivered = redelivered - min(redelivered, st.redelivered)
	if err := t.audit(ctx, &ph.Counts, st.marks, st.poison, begin, quiet); err != nil {
		return err
	}
	ph.Violations = append(ph.Violations, ph.Counts.violations()...)
	return nil
}

type loadOutcome struct {
	res load.Result
	err error
}

// strike injects f at s.At into the window and heals it s.Down later. The
// two timers are the phase's schedule (when the fault happens), not waits
// for a condition. The fault is healed even when ctx ends.
func strike(ctx context.Context, t *Target, f Fault, s Settings, begin time.Time, ph *Phase) error {
	if !sleepUntil(ctx, begin.Add(s.At)) {
		return ctx.Err()
	}
	ph.Injected = time.Since(begin).Seconds()
	injectErr := f.inject(ctx, t)
	sleepUntil(ctx, begin.Add(s.At+s.Down))
	healCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	healErr := f.heal(healCtx, t)
	ph.Healed = time.Since(begin).Seconds()
	if injectErr != nil {
		injectErr = fmt.Errorf("inject: %w", injectErr)
	}
	if healErr != nil {
		healErr = fmt.Errorf("heal: %w", healErr)
	}
	return errors.Join(injectErr, healErr)
}

// sleepUntil waits for a moment of the schedule; false when ctx ended first.
func sleepUntil(ctx context.Context, at time.Time) bool {
	timer := time.NewTimer(time.Until(at))
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// fromLoad takes the journey counts from the load driver's result.
func (c *Counts) fromLoad(res load.Result, reasons map[string]int) {
	c.Checkouts, c.Accepted, c.NotTerminal = res.Checkouts, res.Accepted, res.NotTerminal
	c.Refused = res.Checkouts - res.Accepted
	if l, ok := res.LatencyOf(load.StageApproved); ok {
		c.Approved = l.Count
	}
	if l, ok := res.LatencyOf(load.StageCompleted); ok {
		c.Completed = l.Count
	}
	c.Rejected = res.Outcomes["rejected"]
	for _, o := range res.Orders {
		if o.Outcome == "rejected" {
			reasons["rejected: "+o.Reason]++
		}
	}
	for kind, n := range res.Errors {
		reasons[kind] += n
	}
}

// reasonsText lists the reasons, most frequent first.
func reasonsText(reasons map[string]int) []string {
	keys := sortedKeys(reasons)
	sort.SliceStable(keys, func(i, j int) bool { return reasons[keys[i]] > reasons[keys[j]] })
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%d × %s", reasons[k], k)
	}
	return out
}
