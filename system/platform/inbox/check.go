package inbox

import (
	"errors"
	"fmt"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// ErrAggregateMismatch is the cause of a dead letter whose envelope names
// another aggregate than its payload.
var ErrAggregateMismatch = errors.New("aggregate id differs from the payload's id")

// CheckAggregate dead-letters (bus.Permanent) an event whose envelope names
// another aggregate than id, the one its payload carries: no retry can make
// it usable.
func CheckAggregate(env msg.Envelope, id string) error {
	if env.AggregateID != "" && env.AggregateID != id {
		return bus.Permanent(fmt.Errorf("%s %s: %w", env.Name, env.ID, ErrAggregateMismatch))
	}
	return nil
}

// CheckVersioned is CheckAggregate for an event that feeds a cache kept by
// version: it also dead-letters one whose payload has no id or whose
// envelope has no aggregate version, which out-of-order safety needs.
func CheckVersioned(env msg.Envelope, id string) error {
	switch {
	case id == "":
		return bus.Permanent(fmt.Errorf("%s %s: payload has no id", env.Name, env.ID))
	case env.AggregateVersion < 1:
		return bus.Permanent(fmt.Errorf("%s %s: envelope has no aggregate version", env.Name, env.ID))
	}
	return CheckAggregate(env, id)
}
