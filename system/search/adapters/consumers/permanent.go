package consumers

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mallbots/mallbots/system/platform/bus"
)

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
