// Package postgres stores cosec's sagas in Postgres, one row per order.
package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Sagas reads and writes the sagas table.
type Sagas struct{ pool *pgxpool.Pool }

// NewSagas returns the saga store over pool.
func NewSagas(pool *pgxpool.Pool) *Sagas { return &Sagas{pool: pool} }

// Create inserts s unless its order already has a saga.
func (r *Sagas) Create(ctx context.Context, tx pgx.Tx, s *domain.Saga) (bool, error) {
	state, work, err := encode(s)
	if err != nil {
		return false, err
	}
	tag, err := tx.Exec(ctx, `INSERT INTO sagas
		(order_id, status, deadline, state, work, started_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING`,
		s.State.OrderID, s.State.Status, deadline(s), state, work, s.State.StartedAt, s.State.UpdatedAt)
	if err != nil {
		return false, fmt.Errorf("insert saga %s: %w", s.State.OrderID, err)
	}
	return tag.RowsAffected() == 1, nil
}

// Save writes s's state.
func (r *Sagas) Save(ctx context.Context, tx pgx.Tx, s *domain.Saga) error {
	state, work, err := encode(s)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `UPDATE sagas SET status = $2, deadline = $3, state = $4, work = $5,
		updated_at = $6 WHERE order_id = $1`,
		s.State.OrderID, s.State.Status, deadline(s), state, work, s.State.UpdatedAt)
	if err != nil {
		return fmt.Errorf("update saga %s: %w", s.State.OrderID, err)
	}
	return nil
}

// Lock reads the saga of orderID and locks its row until tx ends.
func (r *Sagas) Lock(ctx context.Context, tx pgx.Tx, orderID string) (*domain.Saga, error) {
	if !domain.ValidID(orderID) {
		return nil, fmt.Errorf("%w: order %q", domain.ErrUnknownSaga, orderID)
	}
	rows, _ := tx.Query(ctx, `SELECT state, work FROM sagas WHERE order_id = $1 FOR UPDATE`, orderID)
	s, err := pgx.CollectExactlyOneRow(rows, scanSaga)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: order %q", domain.ErrUnknownSaga, orderID)
	}
	if err != nil {
		return nil, fmt.Errorf("lock saga %s: %w", orderID, err)
	}
	return s, nil
}

// LockDue locks up to limit sagas past their deadline, oldest deadline
// first, skipping rows other transactions hold.
func (r *Sagas) LockDue(ctx context.Context, tx pgx.Tx, now time.Time, limit int) ([]*domain.Saga, error) {
	rows, _ := tx.Query(ctx, `SELECT state, work FROM sagas
		WHERE deadline IS NOT NULL AND deadline <= $1
		ORDER BY deadline LIMIT $2 FOR UPDATE SKIP LOCKED`, now, limit)
	due, err := pgx.CollectRows(rows, scanSaga)
	if err != nil {
		return nil, fmt.Errorf("lock due sagas: %w", err)
	}
	return due, nil
}

// Saga reads the public state of orderID's saga.
func (r *Sagas) Saga(ctx context.Context, orderID string) (cosecapi.Saga, error) {
	var s cosecapi.Saga
	err := r.pool.QueryRow(ctx, `SELECT state FROM sagas WHERE order_id = $1`, orderID).Scan(&s)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, apperr.NotFound("saga", orderID)
	}
	if err != nil {
		return s, fmt.Errorf("read saga %s: %w", orderID, err)
	}
	return s, nil
}

func scanSaga(row pgx.CollectableRow) (*domain.Saga, error) {
	var s domain.Saga
	var work []byte
	if err := row.Scan(&s.State, &work); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(work, &s.Work); err != nil {
		return nil, fmt.Errorf("decode saga work: %w", err)
	}
	return &s, nil
}

func encode(s *domain.Saga) (state, work []byte, err error) {
	if state, err = json.Marshal(s.State); err != nil {
		return nil, nil, fmt.Errorf("encode saga %s: %w", s.State.OrderID, err)
	}
	if work, err = json.Marshal(s.Work); err != nil {
		return nil, nil, fmt.Errorf("encode saga %s: %w", s.State.OrderID, err)
	}
	return state, work, nil
}

// deadline is the deadline column: NULL once the saga ended.
func deadline(s *domain.Saga) *time.Time {
	if s.Ended() || s.State.Deadline.IsZero() {
		return nil
	}
	return &s.State.Deadline
}
