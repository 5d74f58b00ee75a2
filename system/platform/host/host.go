package host

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/internal/listener"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/platform/schema"
)

// Host is a started process of one or more contexts.
type Host struct {
	cfg     Config
	bus     *bus.Bus
	ln      net.Listener
	mux     *httpx.Mux
	mounts  map[string]*Mount
	pools   []*pgxpool.Pool
	ready   atomic.Bool
	modules []Module
}

// New connects, migrates and mounts every module, and listens on the HTTP
// address; Run then starts the work. On error everything opened is closed.
func New(ctx context.Context, cfg Config, modules ...Module) (_ *Host, err error) {
	cfg.setDefaults()
	if err := cfg.Validate(modules); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	h := &Host{cfg: cfg, mux: httpx.NewMux(), mounts: map[string]*Mount{}, modules: modules}
	defer func() {
		if err != nil {
			h.close()
		}
	}()
	if h.ln, err = listener.Listen(cfg.HTTPAddr); err != nil {
		return nil, fmt.Errorf("listen %s: %w", cfg.HTTPAddr, err)
	}
	h.addSelfPeers()
	if h.bus, err = bus.Connect(ctx, cfg.NatsURL, "mallbots"); err != nil {
		return nil, err
	}
	if err = h.awaitDependencies(ctx); err != nil {
		return nil, err
	}
	if err = h.bus.EnsureStreamReplicas(ctx, cfg.StreamReplicas); err != nil {
		return nil, err
	}
	for _, m := range modules {
		if err = h.mount(ctx, m); err != nil {
			return nil, fmt.Errorf("%s: %w", m.Name(), err)
		}
	}
	h.routeHealth()
	h.routeProfiling()
	return h, nil
}

// Addr returns the address the HTTP server listens on.
func (h *Host) Addr() string { return h.ln.Addr().String() }

// Routes returns the pattern of every route the host serves, sorted, such
// as "GET /api/stores/{storeId}".
func (h *Host) Routes() []string { return h.mux.Patterns() }

// URL returns the base URL of the HTTP server.
func (h *Host) URL() string { return "http://" + h.Addr() }

func (h *Host) addSelfPeers() {
	for _, m := range h.modules {
		if h.cfg.Peers.URL(m.Name()) == "" {
			h.cfg.Peers[m.Name()] = h.URL()
		}
	}
}

func (h *Host) mount(ctx context.Context, m Module) error {
	pool, err := pg.Connect(ctx, h.cfg.PostgresDSN, m.Name())
	if err != nil {
		return err
	}
	h.pools = append(h.pools, pool)
	if err := schema.Apply(ctx, pool); err != nil {
		return err
	}
	if fsys := m.Migrations(); fsys != nil {
		if err := pg.Migrate(ctx, pool, "schema_version", fsys); err != nil {
			return err
		}
	}
	mt := &Mount{Pool: pool, Bus: h.bus, Mux: h.mux, Peers: h.cfg.Peers,
		Log: h.cfg.Logger.With("context", m.Name()), MaxDeliver: h.cfg.MaxDeliver}
	h.mounts[m.Name()] = mt
	if err := m.Mount(ctx, mt); err != nil {
		return err
	}
	mt.servePositions(m.Name())
	return nil
}

func (h *Host) close() {
	for _, p := range h.pools {
		p.Close()
	}
	if h.bus != nil {
		h.bus.Close()
	}
	if h.ln != nil {
		_ = h.ln.Close()
	}
}

var errNotReady = errors.New("not ready")
