package app

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/stores/domain"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Views is the read model the commands keep up to date and queries read.
type Views interface {
	ViewWriter
	ViewReader
}

// ViewWriter projects aggregate state into the read model.
type ViewWriter interface {
	PutStore(ctx context.Context, tx pgx.Tx, s storesapi.Store) error
	PutProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product) error
}

// ViewReader answers queries.
type ViewReader interface {
	Stores(ctx context.Context) ([]storesapi.Store, error)
	Store(ctx context.Context, id string) (storesapi.Store, error)
	Product(ctx context.Context, id string) (storesapi.Product, error)
	Catalog(ctx context.Context, storeID string) ([]storesapi.Product, error)
}

// App is the stores application service.
type App struct {
	pool     *pgxpool.Pool
	stores   *eventstore.Store[*domain.Store]
	products *eventstore.Store[*domain.Product]
	views    Views
}

// New returns the application over pool and views.
func New(pool *pgxpool.Pool, views Views, snapshotEvery int) *App {
	reg := msg.NewRegistry()
	storesapi.Register(reg)
	return &App{
		pool: pool, views: views,
		stores: &eventstore.Store[*domain.Store]{Type: "store", Context: storesapi.Context,
			New: func() *domain.Store { return &domain.Store{} }, Registry: reg, SnapshotEvery: snapshotEvery},
		products: &eventstore.Store[*domain.Product]{Type: "product", Context: storesapi.Context,
			New: func() *domain.Product { return &domain.Product{} }, Registry: reg, SnapshotEvery: snapshotEvery},
	}
}

// change loads an aggregate, applies fn, saves it and projects it, in one
// transaction. A missing aggregate is reported as an unknown id of kind.
func change[A es.Aggregate](ctx context.Context, pool *pgxpool.Pool, store *eventstore.Store[A],
	kind, id string, fn func(A) error, project func(pgx.Tx, A) error) (A, error) {
	var agg A
	err := pg.InTx(ctx, pool, func(tx pgx.Tx) error {
		var err error
		if agg, err = store.Load(ctx, tx, id); err != nil {
			return notFoundAs(err, kind, id)
		}
		if err := fn(agg); err != nil {
			return err
		}
		if err := store.Save(ctx, tx, agg); err != nil {
			return err
		}
		return project(tx, agg)
	})
	return agg, err
}

// create saves a new aggregate and projects it in one transaction.
func create[A es.Aggregate](ctx context.Context, pool *pgxpool.Pool, store *eventstore.Store[A],
	agg A, project func(pgx.Tx, A) error) error {
	return pg.InTx(ctx, pool, func(tx pgx.Tx) error {
		if err := store.Save(ctx, tx, agg); err != nil {
			return err
		}
		return project(tx, agg)
	})
}

func notFoundAs(err error, kind, id string) error {
	if errors.Is(err, es.ErrNotFound) {
		return apperr.NotFound(kind, id)
	}
	return err
}
