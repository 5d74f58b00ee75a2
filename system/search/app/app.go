package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/search/searchapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Projections write the read model inside a consumer's inbox transaction.
// Every write carries the version of the aggregate it comes from and is
// ignored when the read model holds that version or a newer one.
type Projections interface {
	PutOrder(ctx context.Context, tx pgx.Tx, c OrderChange) error
	PutCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer, version int) error
	PutStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error
	PutProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product, version int) error
}

// Finder reads the read model; the query it gets is valid.
type Finder interface {
	FindOrders(ctx context.Context, q searchapi.OrderQuery) ([]searchapi.Order, error)
}

// ReadModel is the whole read model.
type ReadModel interface {
	Projections
	Finder
}

// App is the search application service.
type App struct{ model ReadModel }

// New returns the application over the read model.
func New(model ReadModel) *App { return &App{model: model} }
