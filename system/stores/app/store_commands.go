package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/domain"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// CreateStore creates a store.
func (a *App) CreateStore(ctx context.Context, in storesapi.CreateStore) (storesapi.Store, error) {
	s, err := domain.NewStore(msg.NewID(), in.Name, in.Location)
	if err != nil {
		return storesapi.Store{}, err
	}
	return s.State, create(ctx, a.pool, a.stores, s, a.projectStore(ctx))
}

// EnableParticipation lets a store sell in the mall.
func (a *App) EnableParticipation(ctx context.Context, id string) (storesapi.Store, error) {
	return a.changeStore(ctx, id, (*domain.Store).EnableParticipation)
}

// DisableParticipation withdraws a store from the mall.
func (a *App) DisableParticipation(ctx context.Context, id string) (storesapi.Store, error) {
	return a.changeStore(ctx, id, (*domain.Store).DisableParticipation)
}

// RebrandStore renames a store.
func (a *App) RebrandStore(ctx context.Context, id string, in storesapi.RebrandStore) (storesapi.Store, error) {
	return a.changeStore(ctx, id, func(s *domain.Store) error { return s.Rebrand(in.Name) })
}

func (a *App) changeStore(ctx context.Context, id string, fn func(*domain.Store) error) (storesapi.Store, error) {
	s, err := change(ctx, a.pool, a.stores, "store", id, fn, a.projectStore(ctx))
	if err != nil {
		return storesapi.Store{}, err
	}
	return s.State, nil
}

func (a *App) projectStore(ctx context.Context) func(pgx.Tx, *domain.Store) error {
	return func(tx pgx.Tx, s *domain.Store) error { return a.views.PutStore(ctx, tx, s.State) }
}
