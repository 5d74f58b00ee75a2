package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/domain"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// AddProduct adds a product to an existing store's catalogue.
func (a *App) AddProduct(ctx context.Context, storeID string, in storesapi.AddProduct) (storesapi.Product, error) {
	if _, err := a.views.Store(ctx, storeID); err != nil {
		return storesapi.Product{}, err
	}
	p, err := domain.NewProduct(msg.NewID(), storeID, in)
	if err != nil {
		return storesapi.Product{}, err
	}
	return p.State, create(ctx, a.pool, a.products, p, a.projectProduct(ctx))
}

// RebrandProduct renames a product.
func (a *App) RebrandProduct(ctx context.Context, id string, in storesapi.RebrandProduct) (storesapi.Product, error) {
	return a.changeProduct(ctx, id, func(p *domain.Product) error { return p.Rebrand(in.Name, in.Description) })
}

// IncreasePrice raises a product's price.
func (a *App) IncreasePrice(ctx context.Context, id string, in storesapi.ChangePrice) (storesapi.Product, error) {
	return a.changeProduct(ctx, id, func(p *domain.Product) error { return p.IncreasePrice(in.DeltaCents) })
}

// DecreasePrice lowers a product's price.
func (a *App) DecreasePrice(ctx context.Context, id string, in storesapi.ChangePrice) (storesapi.Product, error) {
	return a.changeProduct(ctx, id, func(p *domain.Product) error { return p.DecreasePrice(in.DeltaCents) })
}

// RemoveProduct takes a product out of its catalogue.
func (a *App) RemoveProduct(ctx context.Context, id string) (storesapi.Product, error) {
	return a.changeProduct(ctx, id, (*domain.Product).Remove)
}

func (a *App) changeProduct(ctx context.Context, id string, fn func(*domain.Product) error) (storesapi.Product, error) {
	p, err := change(ctx, a.pool, a.products, "product", id, fn, a.projectProduct(ctx))
	if err != nil {
		return storesapi.Product{}, err
	}
	return p.State, nil
}

func (a *App) projectProduct(ctx context.Context) func(pgx.Tx, *domain.Product) error {
	return func(tx pgx.Tx, p *domain.Product) error { return a.views.PutProduct(ctx, tx, p.State) }
}
