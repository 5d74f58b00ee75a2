package app

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// StoreCache is the local copy of stores' names and locations. A write
// carries the version of the stores aggregate it comes from and is ignored
// when the cache already holds that version or a newer one.
type StoreCache interface {
	PutStore(ctx context.Context, tx pgx.Tx, s domain.Store, version int) error
	Stores(ctx context.Context, q pg.Querier, ids []string) (map[string]domain.Store, error)
}

// OrderIndex maps an order to its list, or to a tombstone (an empty list
// id) when the order was cancelled before any list was made.
type OrderIndex interface {
	ListOf(ctx context.Context, tx pgx.Tx, orderID string) (listID string, found bool, err error)
	Claim(ctx context.Context, tx pgx.Tx, orderID, listID string) (claimed bool, err error)
}

// ListViews is the read table of shopping lists.
type ListViews interface {
	PutList(ctx context.Context, tx pgx.Tx, l depotapi.ShoppingList, version int) error
	List(ctx context.Context, id string) (depotapi.ShoppingList, error)
	Lists(ctx context.Context, f depotapi.ShoppingListFilter) ([]depotapi.ShoppingList, error)
}

// BotTable stores the bots.
type BotTable interface {
	PutBot(ctx context.Context, q pg.Querier, b depotapi.Bot) error
	Bot(ctx context.Context, q pg.Querier, id string) (depotapi.Bot, error)
}

// StoreDirectory asks stores itself about a store the cache does not hold
// yet; found is false when stores does not know it either.
type StoreDirectory interface {
	Store(ctx context.Context, id string) (s domain.Store, found bool, err error)
}

// Ports are the adapters the application works through. Directory is
// optional: without it a store missing from the cache is unknown.
type Ports struct {
	Stores    StoreCache
	Orders    OrderIndex
	Lists     ListViews
	Bots      BotTable
	Directory StoreDirectory
}

// App is the depot application service.
type App struct {
	ports Ports
	pool  *pgxpool.Pool
	lists *eventstore.Store[*domain.ShoppingList]
}

// New returns the application over pool and its ports.
func New(pool *pgxpool.Pool, ports Ports, snapshotEvery int) *App {
	reg := msg.NewRegistry()
	depotapi.Register(reg)
	return &App{ports: ports, pool: pool,
		lists: &eventstore.Store[*domain.ShoppingList]{Type: "shopping_list", Context: depotapi.Context,
			New: func() *domain.ShoppingList { return &domain.ShoppingList{} }, Registry: reg, SnapshotEvery: snapshotEvery},
	}
}

// load reads a list within tx; an id the depot cannot have issued, or one
// without events, is an unknown list.
func (a *App) load(ctx context.Context, tx pgx.Tx, id string) (*domain.ShoppingList, error) {
	if !domain.IsIssuedID(id) {
		return nil, apperr.NotFound("shopping list", id)
	}
	l, err := a.lists.Load(ctx, tx, id)
	if errors.Is(err, es.ErrNotFound) {
		return nil, apperr.NotFound("shopping list", id)
	}
	return l, err
}

// save appends the list's new events (and their outbox rows) and projects
// its state, within tx. A list without changes writes nothing.
func (a *App) save(ctx context.Context, tx pgx.Tx, l *domain.ShoppingList) error {
	if len(l.Changes()) == 0 {
		return nil
	}
	if err := a.lists.Save(ctx, tx, l); err != nil {
		return err
	}
	return a.ports.Lists.PutList(ctx, tx, l.State, l.Version())
}

// change loads a list, applies fn and saves it, within tx.
func (a *App) change(ctx context.Context, tx pgx.Tx, id string, fn func(*domain.ShoppingList) error) (*domain.ShoppingList, error) {
	l, err := a.load(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := fn(l); err != nil {
		return nil, err
	}
	return l, a.save(ctx, tx, l)
}
