// Package postgres stores the payments context's payments and invoices as
// state in Postgres, writing the events of each change to the outbox in the
// same transaction.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/outbox"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// write stores an entity's state at version to, coming from version from
// (0 for a new one); it reports how many rows it wrote.
type write func(ctx context.Context, tx pgx.Tx, from, to int) (int64, error)

// save writes the state of an entity with pending changes and its events to
// the outbox, each event at its own version, then marks them committed. A
// write that finds another version than from (a concurrent change, or an id
// taken) is es.ErrStaleVersion.
func save(ctx context.Context, tx pgx.Tx, kind string, base *es.AggregateBase, w write) error {
	changes := base.Changes()
	if len(changes) == 0 {
		return nil
	}
	from, to := base.Version(), base.Version()+len(changes)
	n, err := w(ctx, tx, from, to)
	if pg.IsUniqueViolation(err) || (err == nil && n != 1) {
		return fmt.Errorf("%s %s v%d: %w", kind, base.ID(), from, es.ErrStaleVersion)
	}
	if err != nil {
		return fmt.Errorf("save %s %s: %w", kind, base.ID(), err)
	}
	envs := make([]msg.Envelope, 0, len(changes))
	for i, e := range changes {
		env, err := msg.New(ctx, paymentsapi.Subject(e.EventName()), e.EventName(), e,
			msg.WithAggregate(base.ID(), from+i+1))
		if err != nil {
			return err
		}
		envs = append(envs, env)
	}
	if err := outbox.Add(ctx, tx, envs...); err != nil {
		return err
	}
	base.Committed()
	return nil
}

// one returns the single row a query selects; found is false for none.
func one[T any](rows pgx.Rows, err error, scan pgx.RowToFunc[T]) (T, bool, error) {
	var zero T
	if err != nil {
		return zero, false, err
	}
	v, err := pgx.CollectExactlyOneRow(rows, scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return zero, false, nil
	}
	return v, err == nil, err
}
