package app

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
)

// Sagas stores sagas, one row per order.
type Sagas interface {
	// Create inserts a new saga; false when the order already has one.
	Create(ctx context.Context, tx pgx.Tx, s *domain.Saga) (bool, error)
	// Lock reads a saga and locks it for the rest of tx; an order without
	// a saga is domain.ErrUnknownSaga.
	Lock(ctx context.Context, tx pgx.Tx, orderID string) (*domain.Saga, error)
	// LockDue locks up to limit running sagas whose deadline is not after
	// now, skipping those another transaction holds.
	LockDue(ctx context.Context, tx pgx.Tx, now time.Time, limit int) ([]*domain.Saga, error)
	// Save writes a saga's new state.
	Save(ctx context.Context, tx pgx.Tx, s *domain.Saga) error
	// Saga reads a saga's public state; an unknown order is not found.
	Saga(ctx context.Context, orderID string) (cosecapi.Saga, error)
}

// App is the cosec application service.
type App struct {
	pool  *pgxpool.Pool
	sagas Sagas
	coord domain.Coordinator
	now   func() time.Time
}

// New returns the application over pool and sagas, moving sagas with coord.
func New(pool *pgxpool.Pool, sagas Sagas, coord domain.Coordinator) *App {
	return &App{pool: pool, sagas: sagas, coord: coord, now: now}
}

// now is the saga clock: UTC at the precision Postgres keeps.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
