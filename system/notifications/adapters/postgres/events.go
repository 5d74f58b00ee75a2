package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/platform/pg"
)

const eventColumns = `idempotency_key, version, type, customer_id, order_id, kind, sms_to, body,
	at, error, outcome_unknown, next_attempt_at, provider_message_id`

// insertEvent appends e; a second writer of the same version fails on the
// primary key. With onConflictNothing a duplicate is skipped instead, and
// inserted tells which happened.
func insertEvent(ctx context.Context, q pg.Querier, e domain.Event, onConflictNothing bool) (inserted bool, err error) {
	sql := `INSERT INTO sms_events (` + eventColumns + `)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`
	if onConflictNothing {
		sql += ` ON CONFLICT DO NOTHING`
	}
	tag, err := q.Exec(ctx, sql, e.Key, e.Version, string(e.Type), e.CustomerID, e.OrderID, e.Kind,
		e.To, e.Body, e.At, e.Error, e.OutcomeUnknown, nullTime(e.NextAttemptAt), e.ProviderMessageID)
	if err != nil {
		return false, fmt.Errorf("append %s %s v%d: %w", e.Type, e.Key, e.Version, err)
	}
	return tag.RowsAffected() == 1, nil
}

// scanEvents reads rows of eventColumns, in the order of the query.
func scanEvents(rows pgx.Rows) ([]domain.Event, error) {
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (domain.Event, error) {
		var e domain.Event
		var typ string
		var next *time.Time
		err := r.Scan(&e.Key, &e.Version, &typ, &e.CustomerID, &e.OrderID, &e.Kind, &e.To, &e.Body,
			&e.At, &e.Error, &e.OutcomeUnknown, &next, &e.ProviderMessageID)
		e.Type = domain.EventType(typ)
		if next != nil {
			e.NextAttemptAt = next.UTC()
		}
		e.At = e.At.UTC()
		return e, err
	})
}

func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
