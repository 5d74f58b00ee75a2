package domain

import (
	"fmt"
	"time"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
)

// OnDeadline acts on a saga whose current step had no reply in time.
//
// A forward step that times out fails the saga: its compensations run as
// after a failed reply, and the timed-out step is compensated too when it
// has a compensation (a CreateShoppingList may have created the list after
// all; CancelShoppingList leaves a tombstone in the depot, so a late create
// fails instead of resurrecting the list).
//
// A compensation step that times out (CancelShoppingList, RejectOrder) is
// sent again, up to MaxSends sends in all, since the participants answer
// them idempotently. After the last send it is given up: the timeout is
// recorded, the failure reason says so, and the walk goes on, so the order
// is still rejected when only the depot is unreachable.
func (c Coordinator) OnDeadline(s *Saga, now time.Time) Effects {
	var e Effects
	if s.Ended() || now.Before(s.State.Deadline) {
		return e
	}
	step := s.State.CurrentStep
	if !s.compensating() {
		reason := step + " timed out"
		s.record(step, cosecapi.OutcomeTimedOut, reason, now)
		c.compensate(s, &e, reason, true, now)
		return e
	}
	if s.Work.Sends < c.maxSends() {
		s.record(step, cosecapi.OutcomeTimedOut, fmt.Sprintf("no reply within %s", c.timeout()), now)
		c.send(s, &e, step, now)
		return e
	}
	reason := fmt.Sprintf("%s unanswered after %d sends", step, s.Work.Sends)
	s.record(step, cosecapi.OutcomeTimedOut, reason, now)
	s.State.FailureReason += "; " + reason
	c.nextCompensation(s, &e, now)
	return e
}
