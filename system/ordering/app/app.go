package app

import (
	"context"
	"errors"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/ordering/domain"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Views is the order read model: written in the event's transaction, read
// by the queries.
type Views interface {
	PutOrder(ctx context.Context, tx pgx.Tx, o orderingapi.Order) error
	Order(ctx context.Context, id string) (orderingapi.Order, error)
	Orders(ctx context.Context, q OrderQuery) ([]orderingapi.Order, error)
}

// Completions holds shopping lists completed while their order was still
// pending: the saga approves an order after it made the list available to
// bots, so a quick bot can finish before ApproveOrder arrives.
type Completions interface {
	Park(ctx context.Context, tx pgx.Tx, orderID, shoppingListID string) error
	Take(ctx context.Context, tx pgx.Tx, orderID string) (shoppingListID string, found bool, err error)
}

// OrderLocks serializes, per order, the transactions that change it.
type OrderLocks interface {
	Lock(ctx context.Context, tx pgx.Tx, orderID string) error
}

// App is the ordering application service.
type App struct {
	pool        *pgxpool.Pool
	orders      *eventstore.Store[*domain.Order]
	views       Views
	completions Completions
	locks       OrderLocks
	log         *slog.Logger
}

// New returns the application over pool, the read model, parked completions
// and order locks.
func New(pool *pgxpool.Pool, views Views, completions Completions, locks OrderLocks,
	log *slog.Logger, snapshotEvery int) *App {
	reg := msg.NewRegistry()
	orderingapi.Register(reg)
	return &App{
		pool: pool, views: views, completions: completions, locks: locks, log: log,
		orders: &eventstore.Store[*domain.Order]{Type: "order", Context: orderingapi.Context,
			New: func() *domain.Order { return &domain.Order{} }, Registry: reg, SnapshotEvery: snapshotEvery},
	}
}

// loadForChange locks the order for the rest of tx, then loads it; every
// command that changes an order (or parks a completion on its state) loads
// it this way. An id that is not a canonical UUID (the only form ordering
// issues) or has no events is an unknown order; checking the form first
// keeps bytes Postgres cannot hold away from SQL.
//
// The handlers of one order run side by side in different consumers, and
// the lock makes each see the other's effect: without it an ApproveOrder not
// yet committed and a ShoppingListCompleted both read the order pending, the
// completion is parked, and ApproveOrder, having found nothing parked,
// leaves the order approved forever. Optimistic versions do not catch this,
// as parking appends no event. The lock is an advisory one keyed on the id
// rather than a row lock, since no row of the order exists before it is
// created and order_view is only a projection.
func (a *App) loadForChange(ctx context.Context, tx pgx.Tx, id string) (*domain.Order, error) {
	if !msg.CanonicalID(id) {
		return nil, apperr.NotFound("order", id)
	}
	if err := a.locks.Lock(ctx, tx, id); err != nil {
		return nil, err
	}
	o, err := a.orders.Load(ctx, tx, id)
	if errors.Is(err, es.ErrNotFound) {
		return nil, apperr.NotFound("order", id)
	}
	return o, err
}

// save appends the order's new events (and their outbox rows) and projects
// its state, within tx. An order without changes is left alone.
func (a *App) save(ctx context.Context, tx pgx.Tx, o *domain.Order) error {
	if len(o.Changes()) == 0 {
		return nil
	}
	if err := a.orders.Save(ctx, tx, o); err != nil {
		return err
	}
	return a.views.PutOrder(ctx, tx, o.State)
}

// change loads an order, applies fn and saves it, in one transaction.
func (a *App) change(ctx context.Context, id string, fn func(*domain.Order) error) (orderingapi.Order, error) {
	var o *domain.Order
	err := pg.InTx(ctx, a.pool, func(tx pgx.Tx) error {
		var err error
		if o, err = a.loadForChange(ctx, tx, id); err != nil {
			return err
		}
		if err := fn(o); err != nil {
			return err
		}
		return a.save(ctx, tx, o)
	})
	if err != nil {
		return orderingapi.Order{}, err
	}
	return o.State, nil
}
