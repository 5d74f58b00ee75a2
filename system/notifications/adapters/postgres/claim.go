package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/notifications/domain"
)

// claim is one SMS whose queue row the transaction tx has locked.
type claim struct {
	pool   *pgxpool.Pool
	tx     pgx.Tx
	events []domain.Event
}

func (c *claim) Events() []domain.Event { return c.events }

// Commit appends e through the pool, outside the claim's transaction: it
// is committed before Commit returns, whatever becomes of the claim. It
// touches only sms_events, never the queue row the claim has locked.
func (c *claim) Commit(ctx context.Context, e domain.Event) error {
	if _, err := insertEvent(ctx, c.pool, e, false); err != nil {
		return err
	}
	c.events = append(c.events, e)
	return nil
}

// Append appends e in the claim's transaction and projects it onto the
// queue.
func (c *claim) Append(ctx context.Context, e domain.Event) error {
	if _, err := insertEvent(ctx, c.tx, e, false); err != nil {
		return err
	}
	c.events = append(c.events, e)
	var err error
	switch e.Type {
	case domain.AttemptFailed:
		_, err = c.tx.Exec(ctx, `UPDATE sms_queue SET next_attempt_at = $2 WHERE idempotency_key = $1`,
			e.Key, e.NextAttemptAt)
	case domain.Sent, domain.Rejected:
		_, err = c.tx.Exec(ctx, `DELETE FROM sms_queue WHERE idempotency_key = $1`, e.Key)
	}
	if err != nil {
		return fmt.Errorf("move queue of sms %s: %w", e.Key, err)
	}
	return nil
}
