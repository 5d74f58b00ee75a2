package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// Defaults of a Coordinator.
const (
	// DefaultStepTimeout is how long a step waits for its reply.
	DefaultStepTimeout = 10 * time.Second
	// DefaultMaxSends bounds the sends of one compensation step.
	DefaultMaxSends = 3
)

// Coordinator moves sagas through their steps.
type Coordinator struct {
	// StepTimeout is how long a step waits for its reply before the
	// deadline acts on it; zero means DefaultStepTimeout.
	StepTimeout time.Duration
	// MaxSends bounds how often a compensation step (CancelShoppingList,
	// RejectOrder) is sent when no reply comes; zero means DefaultMaxSends.
	MaxSends int
}

// Event is the event that ends a saga.
type Event interface{ EventName() string }

// Effects are what a transition asks to be written with the saga: the
// commands to send and, when the saga ended, its final event.
type Effects struct {
	Commands []Command
	Ended    Event
}

// Start begins the saga of order by sending AuthorizeCustomer.
func (c Coordinator) Start(order orderingapi.Order, correlationID string, now time.Time) (*Saga, Effects, error) {
	if !ValidID(order.ID) {
		return nil, Effects{}, fmt.Errorf("%w: order id %q", ErrInvalidOrder, order.ID)
	}
	s := &Saga{
		State: cosecapi.Saga{OrderID: order.ID, Status: cosecapi.StatusRunning,
			History: []cosecapi.StepRecord{}, StartedAt: now, UpdatedAt: now},
		Work: Work{Order: order, CorrelationID: correlationID},
	}
	var e Effects
	c.begin(s, &e, cosecapi.StepAuthorizeCustomer, now)
	return s, e, nil
}

// begin sends the first command of step.
func (c Coordinator) begin(s *Saga, e *Effects, step string, now time.Time) {
	s.Work.Sends = 0
	c.send(s, e, step, now)
}

// send sends step's command and arms the step's deadline.
func (c Coordinator) send(s *Saga, e *Effects, step string, now time.Time) {
	s.Work.Sends++
	s.State.CurrentStep = step
	s.State.Deadline = now.Add(c.timeout())
	reason := ""
	if s.Work.Sends > 1 {
		reason = fmt.Sprintf("send %d of %d", s.Work.Sends, c.maxSends())
	}
	s.record(step, cosecapi.OutcomeSent, reason, now)
	e.Commands = append(e.Commands, s.command(step))
}

// advance moves to the forward step after the current one, or succeeds.
func (c Coordinator) advance(s *Saga, e *Effects, now time.Time) {
	next := nextForward(s.State.CurrentStep)
	if next == "" {
		c.finish(s, e, cosecapi.StatusSucceeded, now)
		return
	}
	c.begin(s, e, next, now)
}

// compensate starts walking back after the current forward step failed.
func (c Coordinator) compensate(s *Saga, e *Effects, reason string, undoFailed bool, now time.Time) {
	s.State.Status = cosecapi.StatusCompensating
	s.State.FailureReason = reason
	s.Work.Pending = compensationPlan(s.State.CurrentStep, undoFailed)
	c.nextCompensation(s, e, now)
}

// nextCompensation sends the next pending compensation, or fails the saga.
func (c Coordinator) nextCompensation(s *Saga, e *Effects, now time.Time) {
	if len(s.Work.Pending) == 0 {
		c.finish(s, e, cosecapi.StatusFailed, now)
		return
	}
	step := s.Work.Pending[0]
	s.Work.Pending = s.Work.Pending[1:]
	c.begin(s, e, step, now)
}

// finish ends the saga with status and emits its final event.
func (c Coordinator) finish(s *Saga, e *Effects, status cosecapi.Status, now time.Time) {
	s.State.Status, s.State.CurrentStep, s.State.Deadline = status, "", time.Time{}
	s.State.UpdatedAt = now
	s.Work.Pending, s.Work.Sends = nil, 0
	final := s.State
	final.History = slices.Clone(s.State.History)
	if status == cosecapi.StatusSucceeded {
		e.Ended = cosecapi.CreateOrderSagaCompleted{Saga: final}
		return
	}
	e.Ended = cosecapi.CreateOrderSagaFailed{Saga: final}
}

func (c Coordinator) timeout() time.Duration {
	if c.StepTimeout <= 0 {
		return DefaultStepTimeout
	}
	return c.StepTimeout
}

func (c Coordinator) maxSends() int {
	if c.MaxSends <= 0 {
		return DefaultMaxSends
	}
	return c.MaxSends
}
