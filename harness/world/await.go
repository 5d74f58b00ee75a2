package world

import (
	"context"
	"fmt"
	"time"

	"github.com/mallbots/mallbots/harness/tap"
)

// Within returns d, or the world's default when d is zero.
func (s *Scenario) Within(d time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return s.World.Await
}

// AwaitMessage waits up to within for a message of the scenario matching match.
func (s *Scenario) AwaitMessage(ctx context.Context, within time.Duration, what string, match tap.Matcher) (tap.Record, error) {
	ctx, cancel := context.WithTimeout(ctx, s.Within(within))
	defer cancel()
	return s.World.Tap.Await(ctx, what, s.Mine(), match)
}

// AssertNoMessage fails if a message of the scenario matching match arrives within window.
func (s *Scenario) AssertNoMessage(ctx context.Context, window time.Duration, what string, match tap.Matcher) error {
	return s.World.Tap.AssertNone(ctx, window, what, s.Mine(), match)
}

// Eventually polls check (a REST read) until it holds or within passes.
// check returns whether the condition holds and what it saw, so that a
// timeout says what was expected and what was last seen.
func (s *Scenario) Eventually(ctx context.Context, within time.Duration, what string,
	check func(context.Context) (bool, string, error)) error {
	ctx, cancel := context.WithTimeout(ctx, s.Within(within))
	defer cancel()
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	var seen string
	var lastErr error
	for {
		ok, got, err := check(ctx)
		if err == nil && ok {
			return nil
		}
		if err != nil {
			lastErr = err
		} else {
			seen = got
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("expected %s within %s, but last saw: %s%s", what, s.Within(within), seen, lastError(lastErr))
		case <-tick.C:
		}
	}
}

func lastError(err error) string {
	if err == nil {
		return ""
	}
	return " (last error: " + err.Error() + ")"
}
