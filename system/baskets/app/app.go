package app

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/baskets/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Cache is the local copy of stores' products and stores. A write carries
// the version of the stores aggregate it comes from and is ignored when the
// cache already holds that version or a newer one.
type Cache interface {
	Product(ctx context.Context, id string) (p domain.Product, found bool, err error)
	Store(ctx context.Context, id string) (s domain.Store, found bool, err error)
	PutProduct(ctx context.Context, tx pgx.Tx, p domain.Product, version int) error
	PutStore(ctx context.Context, tx pgx.Tx, s domain.Store, version int) error
	// Customer reports whether the cache knows the customer exists.
	Customer(ctx context.Context, id string) (known bool, err error)
	PutCustomer(ctx context.Context, tx pgx.Tx, id string) error
}

// Stores is stores' REST API, asked on a cache miss; found is false when
// stores does not know the id.
type Stores interface {
	Product(ctx context.Context, id string) (p storesapi.Product, found bool, err error)
	Store(ctx context.Context, id string) (s storesapi.Store, found bool, err error)
}

// Customers is customers' REST API, asked whether a customer the cache does
// not know exists.
type Customers interface {
	Exists(ctx context.Context, id string) (bool, error)
}

// ErrStoresUnavailable reports that a cache miss could not be answered
// because stores could not be asked; the request may be retried.
var ErrStoresUnavailable = errors.New("the stores context is unavailable")

// ErrCustomersUnavailable reports that a customer the cache does not know
// could not be checked because customers could not be asked; the request
// may be retried.
var ErrCustomersUnavailable = errors.New("the customers context is unavailable")

// App is the baskets application service.
type App struct {
	pool      *pgxpool.Pool
	baskets   *eventstore.Store[*domain.Basket]
	cache     Cache
	stores    Stores
	customers Customers
}

// New returns the application over pool, the cache, stores' API and
// customers' API.
func New(pool *pgxpool.Pool, cache Cache, stores Stores, customers Customers, snapshotEvery int) *App {
	reg := msg.NewRegistry()
	basketsapi.Register(reg)
	return &App{
		pool: pool, cache: cache, stores: stores, customers: customers,
		baskets: &eventstore.Store[*domain.Basket]{Type: "basket", Context: basketsapi.Context,
			New: func() *domain.Basket { return &domain.Basket{} }, Registry: reg, SnapshotEvery: snapshotEvery},
	}
}

// load reads a basket; an id that cannot exist is simply not found.
func (a *App) load(ctx context.Context, id string) (*domain.Basket, error) {
	if !validID(id) {
		return nil, apperr.NotFound("basket", id)
	}
	b, err := a.baskets.Load(ctx, a.pool, id)
	return b, notFound(err, id)
}

// change loads a basket, applies fn and saves it in one transaction.
func (a *App) change(ctx context.Context, id string, fn func(*domain.Basket) error) (basketsapi.Basket, error) {
	if !validID(id) {
		return basketsapi.Basket{}, apperr.NotFound("basket", id)
	}
	b, err := a.baskets.Update(ctx, a.pool, id, fn)
	if err != nil {
		return basketsapi.Basket{}, notFound(err, id)
	}
	return b.State, nil
}

func validID(id string) bool {
	return id != "" && len(id) <= domain.MaxIDLength && domain.Printable(id)
}

func notFound(err error, id string) error {
	if errors.Is(err, es.ErrNotFound) {
		return apperr.NotFound("basket", id)
	}
	return err
}
