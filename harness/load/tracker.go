package load

import (
	"sync"
	"time"
)

// journey is one customer's checkout, followed by its correlation id.
type journey struct {
	corr      string
	sentAt    time.Time // the checkout request was sent
	accepted  bool
	orderID   string
	stages    map[string]time.Time
	outcome   string // the order's last state
	reason    string
	errKind   string // why the journey failed before or at checkout
	timeline  []event
	done      chan struct{}
	closeOnce sync.Once
}

func (j *journey) finish() { j.closeOnce.Do(func() { close(j.done) }) }

// tracker holds every journey of a run, keyed by correlation id, so that
// the observer can stamp stages on them as their events arrive.
type tracker struct {
	mu       sync.Mutex
	until    string
	byCorr   map[string]*journey
	order    []*journey
	inFlight int
	reached  map[string]int
}

func newTracker(until string) *tracker {
	return &tracker{until: until, byCorr: map[string]*journey{}, reached: map[string]int{}}
}

// add registers a journey before it sends anything, so that no event can
// arrive for a journey the tracker does not know.
func (t *tracker) add(corr string) *journey {
	j := &journey{corr: corr, stages: map[string]time.Time{}, outcome: "not sent", done: make(chan struct{})}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.byCorr[corr] = j
	t.order = append(t.order, j)
	t.inFlight++
	return j
}

// sent records the checkout request's time.
func (t *tracker) sent(j *journey, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j.sentAt = at
	j.outcome = "sent"
}

// accept records the checkout's 2xx answer.
func (t *tracker) accept(j *journey, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j.accepted = true
	j.outcome = "accepted"
	t.stampLocked(j, StageAccepted, at)
}

// fail ends a journey that could not check out.
func (t *tracker) fail(j *journey, kind string) {
	t.mu.Lock()
	j.errKind, j.outcome = kind, "failed"
	t.endLocked(j)
	t.mu.Unlock()
}

// stamp records that the journey of corr reached stage at the given time;
// the first time counts. It returns the journey, nil when unknown.
func (t *tracker) stamp(corr, stage string, at time.Time) *journey {
	t.mu.Lock()
	defer t.mu.Unlock()
	j := t.byCorr[corr]
	if j != nil {
		t.stampLocked(j, stage, at)
	}
	return j
}

func (t *tracker) stampLocked(j *journey, stage string, at time.Time) {
	if _, seen := j.stages[stage]; seen {
		return
	}
	j.stages[stage] = at
	t.reached[stage]++
}

// settle records the order's state; a terminal one ends the journey.
func (t *tracker) settle(corr, orderID, state, reason string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j := t.byCorr[corr]
	if j == nil || isTerminal(j.outcome, t.until) {
		return
	}
	j.orderID, j.outcome = orderID, state
	if reason != "" {
		j.reason = reason
	}
	if isTerminal(state, t.until) {
		t.endLocked(j)
	}
}

func (t *tracker) endLocked(j *journey) {
	t.inFlight--
	j.finish()
}

// isTerminal says whether an order in state ends a journey that goes
// until the given stage.
func isTerminal(state, until string) bool {
	switch state {
	case "rejected", "cancelled", "completed", "failed":
		return true
	case "approved":
		return until == StageApproved
	}
	return false
}

// snapshot returns the counts a progress line shows.
func (t *tracker) snapshot() (started, inFlight int, reached map[string]int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	reached = make(map[string]int, len(t.reached))
	for k, v := range t.reached {
		reached[k] = v
	}
	return len(t.order), t.inFlight, reached
}

// pending returns the number of journeys not ended yet.
func (t *tracker) pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.inFlight
}

// journeys returns every journey, in start order.
func (t *tracker) journeys() []*journey {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]*journey(nil), t.order...)
}

// failOrder ends the journey of corr when an action of the driver failed
// after checkout (a bot could not shop, the invoice could not be paid).
func (t *tracker) failOrder(corr, kind string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j := t.byCorr[corr]
	if j == nil || isTerminal(j.outcome, t.until) {
		return
	}
	j.errKind, j.outcome = kind, "failed"
	t.endLocked(j)
}

// event is one message of a journey, as stored in the stream.
type event struct {
	name string
	at   time.Time
}

// log appends a message to the timeline of the journey of corr, if any.
func (t *tracker) log(corr, name string, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if j := t.byCorr[corr]; j != nil {
		j.timeline = append(j.timeline, event{name: name, at: at})
	}
}
