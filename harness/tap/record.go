package tap

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Record is one message seen on the wire.
type Record struct {
	// Seq numbers the records of a run from 1, in arrival order.
	Seq int
	// StreamSeq is the message's sequence in the domain stream: a read
	// model has applied the message once its consumer's position reaches
	// it (see package position).
	StreamSeq     uint64
	At            time.Time
	Subject       string
	Headers       nats.Header
	CorrelationID string
	// Envelope is the decoded message; zero for dead letters and garbage.
	Envelope msg.Envelope
	// DeadLetter is set for messages on a dead-letter subject.
	DeadLetter *bus.DeadLetter
	Raw        []byte
}

// Name is the message name, "DeadLetter" for a dead letter, or "?".
func (r Record) Name() string {
	switch {
	case r.DeadLetter != nil:
		return "DeadLetter"
	case r.Envelope.Name != "":
		return r.Envelope.Name
	}
	return "?"
}

// Payload decodes the envelope's payload into out.
func (r Record) Payload(out any) error {
	if err := json.Unmarshal(r.Envelope.Payload, out); err != nil {
		return fmt.Errorf("decode %s payload: %w", r.Name(), err)
	}
	return nil
}

// String is one timeline line: time, subject, name, short payload.
func (r Record) String() string {
	payload := string(r.Envelope.Payload)
	if r.DeadLetter != nil {
		payload = fmt.Sprintf("after %d deliveries: %s", r.DeadLetter.Deliveries, r.DeadLetter.Error)
	}
	if len(payload) > 160 {
		payload = payload[:157] + "..."
	}
	return fmt.Sprintf("%s  %-55s %s", r.At.Format("15:04:05.000"), r.Subject, payload)
}

func decode(subject string, headers nats.Header, data []byte, seq int, at time.Time) Record {
	r := Record{Seq: seq, At: at, Subject: subject, Headers: headers, Raw: data}
	if strings.HasPrefix(subject, msg.DeadLetterSubject("")) {
		var dl bus.DeadLetter
		if json.Unmarshal(data, &dl) == nil {
			r.DeadLetter = &dl
			if orig, err := msg.Unmarshal(dl.Original); err == nil {
				r.CorrelationID = orig.CorrelationID
			}
		}
		return r
	}
	if env, err := msg.Unmarshal(data); err == nil {
		r.Envelope, r.CorrelationID = env, env.CorrelationID
	}
	return r
}
