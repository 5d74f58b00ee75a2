package cosecapi

// Outcomes of a StepRecord. A command is sent, then its reply succeeded or
// failed, or no reply came before the step's deadline (timed out). A reply
// that is not for the saga's current step (late, after a timeout, or after
// the saga ended) changes nothing and is recorded as stale.
const (
	OutcomeSent      = "sent"
	OutcomeSucceeded = "succeeded"
	OutcomeFailed    = "failed"
	OutcomeTimedOut  = "timed_out"
	OutcomeStale     = "stale"
)
