package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// ProjectCustomer records a customers event's customer name as of version.
func (a *App) ProjectCustomer(ctx context.Context, tx pgx.Tx, c customersapi.Customer, version int) error {
	return a.model.PutCustomer(ctx, tx, c, version)
}

// ProjectStore records a stores event's store name as of version.
func (a *App) ProjectStore(ctx context.Context, tx pgx.Tx, s storesapi.Store, version int) error {
	return a.model.PutStore(ctx, tx, s, version)
}

// ProjectProduct records a stores event's product name as of version.
func (a *App) ProjectProduct(ctx context.Context, tx pgx.Tx, p storesapi.Product, version int) error {
	return a.model.PutProduct(ctx, tx, p, version)
}
