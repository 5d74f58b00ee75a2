package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/notifications/app"
	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Channel is the NOTIFY channel on which a requested SMS wakes the sender.
const Channel = "notifications_sms"

// SMSStore is the micro event store of SMS (sms_events) and the queue of
// SMS to send projected from it (sms_queue).
type SMSStore struct{ pool *pgxpool.Pool }

// NewSMSStore returns the store over pool.
func NewSMSStore(pool *pgxpool.Pool) *SMSStore { return &SMSStore{pool: pool} }

// Request appends a Requested event, queues the SMS and notifies the
// sender at commit; a second request of the same key changes nothing.
func (s *SMSStore) Request(ctx context.Context, tx pgx.Tx, e domain.Event) (bool, error) {
	created, err := insertEvent(ctx, tx, e, true)
	if err != nil || !created {
		return false, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO sms_queue (idempotency_key, next_attempt_at) VALUES ($1, $2)`,
		e.Key, e.At); err != nil {
		return false, fmt.Errorf("queue sms %s: %w", e.Key, err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, Channel, e.Key); err != nil {
		return false, fmt.Errorf("notify sender: %w", err)
	}
	return true, nil
}

// ClaimDue locks the earliest SMS due at now that no other sender holds,
// and runs fn on it while holding the lock.
func (s *SMSStore) ClaimDue(ctx context.Context, now time.Time, fn func(context.Context, app.Claim) error) (bool, error) {
	claimed := false
	err := pg.InTx(ctx, s.pool, func(tx pgx.Tx) error {
		var key string
		err := tx.QueryRow(ctx, `SELECT idempotency_key FROM sms_queue WHERE next_attempt_at <= $1
			ORDER BY next_attempt_at, idempotency_key LIMIT 1 FOR UPDATE SKIP LOCKED`, now).Scan(&key)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("claim sms: %w", err)
		}
		events, err := s.events(ctx, tx, key)
		if err != nil {
			return err
		}
		claimed = true
		return fn(ctx, &claim{pool: s.pool, tx: tx, events: events})
	})
	return claimed, err
}

// NextDue returns when the earliest queued SMS is due.
func (s *SMSStore) NextDue(ctx context.Context) (time.Time, bool, error) {
	var at *time.Time
	if err := s.pool.QueryRow(ctx, `SELECT min(next_attempt_at) FROM sms_queue`).Scan(&at); err != nil {
		return time.Time{}, false, fmt.Errorf("next due sms: %w", err)
	}
	if at == nil {
		return time.Time{}, false, nil
	}
	return *at, true, nil
}

// Find returns the events of every SMS of a customer and/or an order, one
// slice per SMS, each oldest first; an empty id is no filter.
func (s *SMSStore) Find(ctx context.Context, customerID, orderID string) ([][]domain.Event, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+` FROM sms_events
		WHERE ($1 = '' OR customer_id = $1) AND ($2 = '' OR order_id = $2)
		ORDER BY idempotency_key, version`, customerID, orderID)
	if err != nil {
		return nil, fmt.Errorf("find sms: %w", err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, fmt.Errorf("find sms: %w", err)
	}
	return streams(events), nil
}

func (s *SMSStore) events(ctx context.Context, tx pgx.Tx, key string) ([]domain.Event, error) {
	rows, err := tx.Query(ctx, `SELECT `+eventColumns+` FROM sms_events
		WHERE idempotency_key = $1 ORDER BY version`, key)
	if err != nil {
		return nil, fmt.Errorf("load sms %s: %w", key, err)
	}
	events, err := scanEvents(rows)
	if err != nil {
		return nil, fmt.Errorf("load sms %s: %w", key, err)
	}
	return events, nil
}

// streams splits events ordered by key into one slice per key.
func streams(events []domain.Event) [][]domain.Event {
	var out [][]domain.Event
	for i, e := range events {
		if i == 0 || e.Key != events[i-1].Key {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], e)
	}
	return out
}
