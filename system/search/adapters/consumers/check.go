package consumers

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// check dead-letters an event no retry can make usable: one without the id
// of its aggregate or its version, which out-of-order safety needs.
func check(env msg.Envelope, id string) error {
	switch {
	case id == "":
		return bus.Permanent(fmt.Errorf("%s %s: payload has no id", env.Name, env.ID))
	case env.AggregateVersion < 1:
		return bus.Permanent(fmt.Errorf("%s %s: envelope has no aggregate version", env.Name, env.ID))
	case env.AggregateID != "" && env.AggregateID != id:
		return bus.Permanent(fmt.Errorf("%s %s: %w", env.Name, env.ID, errAggregateMismatch))
	}
	return nil
}

var errAggregateMismatch = errors.New("aggregate id differs from the payload's id")

// permanentIfData dead-letters at once a write Postgres refused for its data
// (class 22: a NUL in a text, a number out of range), which no retry fixes;
// any other failure is left to redelivery.
func permanentIfData(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && len(pgErr.Code) == 5 && pgErr.Code[:2] == "22" {
		return bus.Permanent(err)
	}
	return err
}
