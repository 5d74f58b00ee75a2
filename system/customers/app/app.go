package app

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Views is the read model the commands keep up to date and queries read.
type Views interface {
	PutCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer) error
	Customer(ctx context.Context, id string) (customersapi.Customer, error)
}

// App is the customers application service.
type App struct {
	pool      *pgxpool.Pool
	customers *eventstore.Store[*domain.Customer]
	views     Views
}

// New returns the application over pool and views.
func New(pool *pgxpool.Pool, views Views, snapshotEvery int) *App {
	reg := msg.NewRegistry()
	customersapi.Register(reg)
	return &App{
		pool: pool, views: views,
		customers: &eventstore.Store[*domain.Customer]{Type: "customer", Context: customersapi.Context,
			New: func() *domain.Customer { return &domain.Customer{} }, Registry: reg, SnapshotEvery: snapshotEvery},
	}
}

// change loads a customer, applies fn, saves it and projects it, in one
// transaction. An unknown id is a not-found error.
func (a *App) change(ctx context.Context, id string, fn func(*domain.Customer) error) (customersapi.Customer, error) {
	var cu *domain.Customer
	err := pg.InTx(ctx, a.pool, func(tx pgx.Tx) error {
		var err error
		if cu, err = a.load(ctx, tx, id); err != nil {
			return err
		}
		if err := fn(cu); err != nil {
			return err
		}
		return a.save(ctx, tx, cu)
	})
	if err != nil {
		return customersapi.Customer{}, err
	}
	return cu.State, nil
}

// load reads a customer within tx; an id that is malformed or has no events
// is an unknown customer.
func (a *App) load(ctx context.Context, tx pgx.Tx, id string) (*domain.Customer, error) {
	if !msg.CanonicalID(id) {
		return nil, apperr.NotFound("customer", id)
	}
	cu, err := a.customers.Load(ctx, tx, id)
	if errors.Is(err, es.ErrNotFound) {
		return nil, apperr.NotFound("customer", id)
	}
	return cu, err
}

// save appends the customer's new events (and their outbox rows) and
// projects its state, within tx.
func (a *App) save(ctx context.Context, tx pgx.Tx, cu *domain.Customer) error {
	if len(cu.Changes()) == 0 {
		return nil
	}
	if err := a.customers.Save(ctx, tx, cu); err != nil {
		return err
	}
	return a.views.PutCustomer(ctx, tx, cu.State)
}
