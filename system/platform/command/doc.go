// Package command implements commands with replies over the bus. A command
// carries a reply subject and saga headers; its handler runs through the
// inbox, and its reply (success with a result, or failure with a reason) is
// written to the outbox in the same transaction. Only business rejections
// become failure replies: an infrastructure error is retried by the bus, so
// a saga never compensates for a transient outage.
package command

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mallbots/mallbots/system/platform/bus"
)

// Header names used by commands and replies.
const (
	HeaderReplyTo = "reply-to"
	// HeaderSagaID is also the bus's ordering key: a saga's messages are
	// handled one at a time by each consumer.
	HeaderSagaID   = bus.HeaderOrderingKey
	HeaderSagaStep = "saga-step"
)

// Outcomes of a reply.
const (
	Succeeded = "succeeded"
	Failed    = "failed"
)

// Reply is the payload of every reply.
type Reply struct {
	Command string          `json:"command"`
	Outcome string          `json:"outcome"`
	Reason  string          `json:"reason,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
}

// ReplyName is the message name of the reply to command.
func ReplyName(command string) string { return command + "Reply" }

// Rejection is a business refusal of a command; it becomes a failure reply.
type Rejection struct{ Reason string }

func (r *Rejection) Error() string { return "rejected: " + r.Reason }

// Reject returns a Rejection with a formatted reason.
func Reject(format string, args ...any) error {
	return &Rejection{Reason: fmt.Sprintf(format, args...)}
}

// AsRejection reports whether err is a business rejection.
func AsRejection(err error) (*Rejection, bool) {
	var rej *Rejection
	ok := errors.As(err, &rej)
	return rej, ok
}

// Decode decodes a successful reply's result into out.
func (r Reply) Decode(out any) error {
	if len(r.Result) == 0 {
		return nil
	}
	return json.Unmarshal(r.Result, out)
}
