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

// App is the ordering application service.
type App struct {
	pool        *pgxpool.Pool
	orders      *eventstore.Store[*domain.Order]
	views       Views
	completions Completions
	log         *slog.Logger
}

// New returns the application over pool, the read model and parked completions.
func New(pool *pgxpool.Pool, views Views, completions Completions, log *slog.Logger, snapshotEvery int) *App {
	reg := msg.NewRegistry()
	orderingapi.Register(reg)
	return &App{
		pool: pool, views: views, completions: completions, log: log,
		orders: &eventstore.Store[*domain.Order]{Type: "order", Context: orderingapi.Context,
			New: func() *domain.Order { return &domain.Order{} }, Registry: reg, SnapshotEvery: snapshotEvery},
	}
}

// load reads an order within q; an id that is not a canonical UUID (the only
// form ordering issues) or has no events is an unknown order. Checking the
// form first keeps bytes Postgres cannot hold away from SQL.
func (a *App) load(ctx context.Context, q pg.Querier, id string) (*domain.Order, error) {
	if !msg.CanonicalID(id) {
		return nil, apperr.NotFound("order", id)
	}
	o, err := a.orders.Load(ctx, q, id)
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
		if o, err = a.load(ctx, tx, id); err != nil {
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
