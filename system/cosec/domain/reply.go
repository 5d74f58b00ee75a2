package domain

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
)

// Reply is a participant's answer to one of the saga's commands.
type Reply struct {
	// Step is the saga step the command was sent for (its saga-step header).
	Step string
	// Outcome is succeeded or failed.
	Outcome string
	Reason  string
	Result  json.RawMessage
}

// Reply outcomes, as participants send them.
const (
	ReplySucceeded = "succeeded"
	ReplyFailed    = "failed"
)

// OnReply moves the saga on a reply. A reply that is not for the current
// step, or comes after the saga ended, is stale: it is recorded and changes
// nothing else. A failed forward step starts the compensations; a failed
// compensation is recorded and the walk goes on.
func (c Coordinator) OnReply(s *Saga, r Reply, now time.Time) (Effects, error) {
	var e Effects
	if s.Ended() || r.Step != s.State.CurrentStep {
		s.record(Text(r.Step), cosecapi.OutcomeStale,
			fmt.Sprintf("late %s reply ignored", Text(r.Outcome)), now)
		return e, nil
	}
	if r.Outcome != ReplySucceeded && r.Outcome != ReplyFailed {
		return e, fmt.Errorf("%w: %s reply has outcome %q", ErrMalformedReply, r.Step, Text(r.Outcome))
	}
	step, reason := s.State.CurrentStep, Text(r.Reason)
	switch {
	case s.compensating():
		s.record(step, r.Outcome, reason, now)
		c.nextCompensation(s, &e, now)
	case r.Outcome == ReplyFailed:
		s.record(step, cosecapi.OutcomeFailed, reason, now)
		c.compensate(s, &e, fmt.Sprintf("%s failed: %s", step, reason), false, now)
	default:
		if err := s.takeResult(r); err != nil {
			return e, err
		}
		s.record(step, cosecapi.OutcomeSucceeded, "", now)
		c.advance(s, &e, now)
	}
	return e, nil
}

// takeResult keeps what a successful forward step returned that later
// steps need: the shopping list id that ApproveOrder carries.
func (s *Saga) takeResult(r Reply) error {
	if r.Step != cosecapi.StepCreateShoppingList {
		return nil
	}
	var res depotapi.CreateShoppingListResult
	if len(r.Result) > 0 {
		if err := json.Unmarshal(r.Result, &res); err != nil {
			return fmt.Errorf("%w: CreateShoppingList result: %v", ErrMalformedReply, err)
		}
	}
	if !ValidID(res.ShoppingListID) {
		return fmt.Errorf("%w: CreateShoppingList result has no valid shopping list id", ErrMalformedReply)
	}
	s.State.ShoppingListID = res.ShoppingListID
	return nil
}
