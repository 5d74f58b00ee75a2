package domain

import (
	"strings"
	"time"
	"unicode"

	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
)

// EventType names an event of an SMS.
type EventType string

// The events of an SMS, in the order they may happen.
const (
	// Requested: an order event asks for the SMS; always version 1.
	Requested EventType = "Requested"
	// AttemptStarted: a send is about to reach the provider. It is
	// committed before the send, so a crash during the send leaves an
	// attempt without an outcome: in doubt.
	AttemptStarted EventType = "AttemptStarted"
	// AttemptFailed: the send failed; OutcomeUnknown says whether the
	// provider may have received it anyway (a timeout, a dropped answer).
	AttemptFailed EventType = "AttemptFailed"
	// Sent: the provider has the message.
	Sent EventType = "Sent"
	// Rejected: the provider refused the message for good.
	Rejected EventType = "Rejected"
)

// Event is one fact about one SMS. Every event repeats what the SMS is, so
// that each row of the store reads on its own.
type Event struct {
	Key     string
	Version int
	Type    EventType
	Message
	At                time.Time
	Error             string
	OutcomeUnknown    bool
	NextAttemptAt     time.Time
	ProviderMessageID string
}

// Message is what an SMS is: to whom, about what, saying what.
type Message struct {
	CustomerID string
	OrderID    string
	Kind       string
	To         string
	Body       string
}

// SMS is the state of one SMS, folded from its events.
type SMS struct {
	Key string
	Message
	Version     int
	RequestedAt time.Time
	// Attempts counts the sends that reached for the provider.
	Attempts int
	// Failures counts the failed attempts; the backoff grows with it.
	Failures      int
	LastError     string
	NextAttemptAt time.Time
	// InDoubt is true when the provider may have the message although no
	// answer said so: ask it before sending again.
	InDoubt           bool
	SentAt            time.Time
	ProviderMessageID string
	Rejected          bool
}

// Fold replays events, oldest first, into the SMS they describe.
func Fold(events []Event) SMS {
	var s SMS
	for _, e := range events {
		s.apply(e)
	}
	return s
}

func (s *SMS) apply(e Event) {
	s.Version = e.Version
	switch e.Type {
	case Requested:
		s.Key, s.Message, s.RequestedAt = e.Key, e.Message, e.At
	case AttemptStarted:
		s.Attempts++
		s.InDoubt, s.NextAttemptAt = true, time.Time{}
	case AttemptFailed:
		s.Failures++
		s.LastError, s.InDoubt, s.NextAttemptAt = e.Error, e.OutcomeUnknown, e.NextAttemptAt
	case Sent:
		s.SentAt, s.ProviderMessageID, s.InDoubt = e.At, e.ProviderMessageID, false
		s.NextAttemptAt = time.Time{}
	case Rejected:
		s.Rejected, s.LastError, s.InDoubt = true, e.Error, false
		s.NextAttemptAt = time.Time{}
	}
}

// Pending reports whether the SMS still has to be sent.
func (s SMS) Pending() bool { return s.Key != "" && s.SentAt.IsZero() && !s.Rejected }

// Status is the SMS's status as the REST API shows it.
func (s SMS) Status() string {
	switch {
	case !s.SentAt.IsZero():
		return notificationsapi.StatusSent
	case s.Rejected:
		return notificationsapi.StatusFailed
	}
	return notificationsapi.StatusPending
}

// next returns the event that follows the SMS's last one.
func (s SMS) next(t EventType, at time.Time) Event {
	return Event{Key: s.Key, Version: s.Version + 1, Type: t, Message: s.Message, At: at}
}

// Start records that a send is about to reach the provider.
func (s SMS) Start(at time.Time) Event { return s.next(AttemptStarted, at) }

// Fail records a failed attempt and when to try again.
func (s SMS) Fail(at time.Time, reason string, outcomeUnknown bool, retryAt time.Time) Event {
	e := s.next(AttemptFailed, at)
	e.Error, e.OutcomeUnknown, e.NextAttemptAt = clean(reason), outcomeUnknown, retryAt
	return e
}

// Send records that the provider has the message.
func (s SMS) Send(at time.Time, providerMessageID string) Event {
	e := s.next(Sent, at)
	e.ProviderMessageID = providerMessageID
	return e
}

// Reject records that the provider refused the message for good.
func (s SMS) Reject(at time.Time, reason string) Event {
	e := s.next(Rejected, at)
	e.Error = clean(reason)
	return e
}

// MaxErrorLength bounds the error an event keeps, in characters.
const MaxErrorLength = 1000

// clean makes an error text storable and readable: valid UTF-8, control
// characters as spaces (Postgres text cannot hold NUL), and bounded.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	if r := []rune(s); len(r) > MaxErrorLength {
		s = string(r[:MaxErrorLength])
	}
	return s
}
