package load

import (
	"fmt"
	"io"
	"time"
)

// progress prints one line a second: time into the run, checkouts sent,
// orders at each stage, journeys in flight and failures.
type progress struct {
	stopc chan struct{}
	done  chan struct{}
}

func startProgress(w io.Writer, t *tracker, begin time.Time) *progress {
	p := &progress{stopc: make(chan struct{}), done: make(chan struct{})}
	if w == nil {
		close(p.done)
		return p
	}
	go p.loop(w, t, begin)
	return p
}

func (p *progress) loop(w io.Writer, t *tracker, begin time.Time) {
	defer close(p.done)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-p.stopc:
			return
		case <-tick.C:
			fmt.Fprintln(w, progressLine(t, time.Since(begin)))
		}
	}
}

func progressLine(t *tracker, elapsed time.Duration) string {
	started, inFlight, reached := t.snapshot()
	return fmt.Sprintf("load %5.1fs  checkouts %6d (%.1f/s)  accepted %6d  approved %6d  completed %6d  in flight %5d",
		elapsed.Seconds(), started, float64(started)/elapsed.Seconds(), reached[StageAccepted],
		reached[StageApproved], reached[StageCompleted], inFlight)
}

func (p *progress) stop() {
	select {
	case <-p.stopc:
	default:
		close(p.stopc)
	}
	<-p.done
}
