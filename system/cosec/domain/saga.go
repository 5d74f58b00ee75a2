package domain

import (
	"time"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
)

// Saga is one create-order saga: its public state, as REST shows it, and
// the working data the coordinator needs to build the next command.
type Saga struct {
	State cosecapi.Saga
	Work  Work
}

// Work is the saga's private working data, persisted next to its state.
type Work struct {
	// Order is the order as OrderCreated carried it.
	Order orderingapi.Order `json:"order"`
	// CorrelationID is the order's correlation; every message of the saga
	// carries it, including those a deadline causes.
	CorrelationID string `json:"correlationId"`
	// Pending are the compensation steps still to run after the current one.
	Pending []string `json:"pending,omitempty"`
	// Sends counts the sends of the current step's command.
	Sends int `json:"sends"`
	// LastCommandID is the id of the last command sent: the cause of what a
	// deadline makes the saga do.
	LastCommandID string `json:"lastCommandId,omitempty"`
}

// Ended reports whether the saga succeeded or failed.
func (s *Saga) Ended() bool {
	return s.State.Status == cosecapi.StatusSucceeded || s.State.Status == cosecapi.StatusFailed
}

// compensating reports whether the saga is walking its compensations back.
func (s *Saga) compensating() bool { return s.State.Status == cosecapi.StatusCompensating }

// record appends one step outcome to the history.
func (s *Saga) record(step, outcome, reason string, now time.Time) {
	s.State.History = append(s.State.History,
		cosecapi.StepRecord{Step: step, Outcome: outcome, Reason: reason, At: now})
	s.State.UpdatedAt = now
}
