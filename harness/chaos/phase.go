package chaos

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/mallbots/mallbots/harness/load"
)

// Settings shape every phase of a run.
type Settings struct {
	// Rate is checkouts started per second (default 15).
	Rate float64
	// Window is how long checkouts are started (default 4s).
	Window time.Duration
	// At is when, into the window, the fault strikes (default 1.5s).
	At time.Duration
	// Down is how long the fault lasts before it is healed (default 2s).
	Down time.Duration
	// Until is where a journey ends: load.StageCompleted (the default: the
	// driver plays the bots and pays) or load.StageApproved.
	Until string
	// Settle bounds the wait, after the window, for every journey to end
	// and the system to be quiet (default 60s).
	Settle time.Duration
	// Progress receives the load driver's progress lines (nil: none).
	Progress io.Writer
	// Runtime and Topology name the environment, for the report.
	Runtime, Topology string
}

func (s *Settings) setDefaults() {
	if s.Rate == 0 {
		s.Rate = 15
	}
	if s.Window == 0 {
		s.Window = 4 * time.Second
	}
	if s.At == 0 {
		s.At = 1500 * time.Millisecond
	}
	if s.Down == 0 {
		s.Down = 2 * time.Second
	}
	if s.Until == "" {
		s.Until = load.StageCompleted
	}
	if s.Settle == 0 {
		s.Settle = time.Minute
	}
}

// Validate reports every problem of the settings at once.
func (s Settings) Validate() error {
	s.setDefaults()
	var errs []error
	if s.Rate < 0 || s.Window < 0 || s.At < 0 || s.Down < 0 || s.Settle < 0 {
		errs = append(errs, errors.New("rate, window, at, down and settle must not be negative"))
	}
	if s.At >= s.Window {
		errs = append(errs, fmt.Errorf("the fault must strike within the window: at %s, window %s", s.At, s.Window))
	}
	if s.Until != load.StageApproved && s.Until != load.StageCompleted {
		errs = append(errs, fmt.Errorf("until %q: want %s or %s", s.Until, load.StageApproved, load.StageCompleted))
	}
	return errors.Join(errs...)
}

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
	m, err := t.mark(ctx)
	if err != nil {
		return ph, err
	}
	p, err := t.publishPoison(ctx)
	if err != nil {
		return ph, err
	}
	redeliveredBefore, err := t.forceDeliveries(ctx, 1)
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
	quiet := time.Now().Add(s.Settle)
	if err := t.awaitQuiet(ctx, m, quiet); err != nil {
		ph.Violations = append(ph.Violations, err.Error())
	}
	ph.Quiet = time.Since(begin).Seconds() - s.Window.Seconds()
	redelivered, err := t.forceDeliveries(ctx, 1)
	if err != nil {
		return ph, err
	}
	// A service restarted in the phase counts from 0 again.
	ph.Counts.Redelivered = redelivered - min(redelivered, redeliveredBefore)
	if err := t.audit(ctx, &ph.Counts, m, p, begin, quiet); err != nil {
		return ph, err
	}
	ph.Violations = append(ph.Violations, ph.Counts.violations()...)
	if f.tookEffect != nil {
		if v := f.tookEffect(ph.Counts); v != "" {
			ph.Violations = append(ph.Violations, v)
		}
	}
	return ph, nil
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
