package msg

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Envelope is the JSON document that goes on the wire for every message.
type Envelope struct {
	ID               string            `json:"id"`
	Name             string            `json:"name"`
	Subject          string            `json:"subject"`
	AggregateID      string            `json:"aggregateId,omitempty"`
	AggregateVersion int               `json:"aggregateVersion,omitempty"`
	OccurredAt       time.Time         `json:"occurredAt"`
	CorrelationID    string            `json:"correlationId"`
	CausationID      string            `json:"causationId"`
	Headers          map[string]string `json:"headers,omitempty"`
	Payload          json.RawMessage   `json:"payload"`
}

// Option adjusts an envelope under construction.
type Option func(*Envelope)

// WithAggregate records the aggregate and the version the message belongs to.
func WithAggregate(id string, version int) Option {
	return func(e *Envelope) { e.AggregateID, e.AggregateVersion = id, version }
}

// WithHeader sets one header (reply subjects, saga ids).
func WithHeader(key, value string) Option {
	return func(e *Envelope) {
		if e.Headers == nil {
			e.Headers = map[string]string{}
		}
		e.Headers[key] = value
	}
}

// WithClock fixes the occurred-at time (tests, replays).
func WithClock(now time.Time) Option {
	return func(e *Envelope) { e.OccurredAt = now }
}

// New builds an envelope for payload, taking correlation and causation from ctx.
// Without metadata in ctx the message starts a new correlation of its own.
func New(ctx context.Context, subject, name string, payload any, opts ...Option) (Envelope, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return Envelope{}, fmt.Errorf("encode %s payload: %w", name, err)
	}
	env := Envelope{
		ID: NewID(), Name: name, Subject: subject,
		OccurredAt: time.Now().UTC(), Payload: data,
	}
	meta := MetaFrom(ctx)
	env.CorrelationID, env.CausationID = meta.CorrelationID, meta.CausationID
	if env.CorrelationID == "" {
		env.CorrelationID = env.ID
	}
	if env.CausationID == "" {
		env.CausationID = env.CorrelationID
	}
	for _, opt := range opts {
		opt(&env)
	}
	return env, nil
}

// NewID returns a new time-ordered unique id.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }

// CanonicalID reports whether id is a UUID in the canonical lower-case
// form ids are issued in. A context that only issues such ids checks this
// first, which also keeps bytes Postgres cannot store as text out of SQL.
func CanonicalID(id string) bool {
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

// Marshal encodes an envelope for the wire.
func Marshal(env Envelope) ([]byte, error) {
	if err := env.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(env)
}

// Unmarshal decodes and validates an envelope read from the wire.
func Unmarshal(data []byte) (Envelope, error) {
	var env Envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return Envelope{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if err := env.Validate(); err != nil {
		return Envelope{}, err
	}
	return env, nil
}

// ErrMalformed reports bytes that are not a valid envelope.
var ErrMalformed = errors.New("malformed envelope")

// Validate reports every missing required field at once.
func (e Envelope) Validate() error {
	var missing []string
	for field, value := range map[string]string{
		"id": e.ID, "name": e.Name, "subject": e.Subject, "correlationId": e.CorrelationID,
	} {
		if value == "" {
			missing = append(missing, field)
		}
	}
	if len(e.Payload) == 0 {
		missing = append(missing, "payload")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: missing %s", ErrMalformed, strings.Join(sorted(missing), ", "))
	}
	return nil
}

// Header returns a header value or "".
func (e Envelope) Header(key string) string { return e.Headers[key] }
