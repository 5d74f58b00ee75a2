package host

import (
	"context"
	"io/fs"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// Module is one bounded context.
type Module interface {
	// Name is the context's name; it is also its schema and subject token.
	Name() string
	// Migrations holds the context's tern migrations, or nil.
	Migrations() fs.FS
	// Mount registers routes, consumers and workers.
	Mount(ctx context.Context, m *Mount) error
}

// Mount is what a module gets to wire itself.
type Mount struct {
	Pool  *pgxpool.Pool
	Bus   *bus.Bus
	Mux   *httpx.Mux
	Log   *slog.Logger
	Peers Peers
	// MaxDeliver bounds deliveries of the module's consumers.
	MaxDeliver int

	consumers []consumer
	workers   []func(ctx context.Context) error
}

type consumer struct {
	router *inbox.Router
}

// Consume subscribes the router's consumer to its subjects once the host starts.
func (m *Mount) Consume(r *inbox.Router) { m.consumers = append(m.consumers, consumer{router: r}) }

// Go runs a background worker for the life of the host.
func (m *Mount) Go(worker func(ctx context.Context) error) { m.workers = append(m.workers, worker) }

// Peers maps a context name to the base URL that serves its REST API.
type Peers map[string]string

// URL returns the base URL of context name, or "".
func (p Peers) URL(name string) string { return p[name] }
