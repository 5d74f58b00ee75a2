package load

import (
	"context"
	"sync"
	"time"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// openLoop starts a journey every 1/rate seconds on a fixed schedule,
// whatever the system's answers, as real customers arrive: a slow system
// then shows as growing latency rather than as a lower request rate.
func (d *driver) openLoop(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	interval := time.Duration(float64(time.Second) / d.cfg.Rate)
	start := time.Now()
	for n := 0; ; n++ {
		if !sleepUntil(ctx, start.Add(time.Duration(n)*interval)) {
			return
		}
		if d.track.pending() >= d.cfg.MaxInFlight {
			d.track.fail(d.track.add(msg.NewID()), "driver: too many journeys in flight")
			continue
		}
		j := d.track.add(msg.NewID())
		wg.Go(func() { d.shop.checkout(context.WithoutCancel(ctx), j, n) })
	}
}

// closedLoop keeps Concurrency customers busy: each starts its next
// journey once its order has ended (or OrderTimeout passed).
func (d *driver) closedLoop(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for w := range d.cfg.Concurrency {
		wg.Go(func() {
			for n := w; ctx.Err() == nil; n += d.cfg.Concurrency {
				j := d.track.add(msg.NewID())
				d.shop.checkout(context.WithoutCancel(ctx), j, n)
				d.awaitJourney(ctx, j)
			}
		})
	}
}

func (d *driver) awaitJourney(ctx context.Context, j *journey) {
	timeout := time.NewTimer(d.cfg.OrderTimeout)
	defer timeout.Stop()
	select {
	case <-j.done:
	case <-timeout.C:
	case <-ctx.Done():
	}
}

// sleepUntil waits for t, the schedule's next slot (pacing, not waiting for
// a condition); false when ctx ended first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
