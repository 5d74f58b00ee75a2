package host

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/outbox"
)

// Run serves HTTP and runs relays, consumers and workers until ctx ends or
// one of them fails; then it stops them all and closes every connection.
func (h *Host) Run(ctx context.Context) error {
	defer h.close()
	stopChaos, err := h.listenChaos()
	if err != nil {
		return err
	}
	defer stopChaos()
	g, gctx := errgroup.WithContext(ctx)
	var subs []*bus.Subscription
	defer func() {
		for _, s := range subs {
			s.Stop()
		}
	}()
	for name, m := range h.mounts {
		if err := h.startRelay(gctx, g, name, m); err != nil {
			return err
		}
		started, err := h.startConsumers(gctx, m)
		subs = append(subs, started...)
		if err != nil && ctx.Err() != nil {
			return nil // stopped while starting: a clean stop, not a failure
		}
		if err != nil {
			return err
		}
		for _, w := range m.workers {
			g.Go(func() error { return w(gctx) })
		}
	}
	handler := httpx.Chain(httpx.Routes(h.mux), httpx.Recover(h.cfg.Logger),
		httpx.Correlate, httpx.AccessLog(h.cfg.Logger))
	g.Go(func() error { return httpx.Serve(gctx, h.ln, handler, h.cfg.ShutdownGrace) })
	h.ready.Store(true)
	h.cfg.Logger.Info("host ready", "addr", h.Addr(), "contexts", h.names())
	err = g.Wait()
	h.ready.Store(false)
	return err
}

func (h *Host) startRelay(ctx context.Context, g *errgroup.Group, name string, m *Mount) error {
	relay, err := outbox.NewRelay(m.Pool, outbox.ViaBus(h.bus), name,
		outbox.WithPollInterval(h.cfg.OutboxPoll), outbox.WithLogger(m.Log))
	if err != nil {
		return err
	}
	g.Go(func() error { return relay.Run(ctx) })
	return nil
}

func (h *Host) startConsumers(ctx context.Context, m *Mount) ([]*bus.Subscription, error) {
	var subs []*bus.Subscription
	for _, c := range m.consumers {
		sub, err := h.bus.Consume(ctx, bus.ConsumerSpec{
			Durable: c.router.Consumer(), Subjects: c.router.Subjects(),
			MaxDeliver: m.MaxDeliver, Logger: m.Log, Workers: h.cfg.ConsumerWorkers,
		}, c.router.Handler(m.Pool))
		if err != nil {
			return subs, fmt.Errorf("start consumer %s: %w", c.router.Consumer(), err)
		}
		subs = append(subs, sub)
	}
	return subs, nil
}

func (h *Host) names() []string {
	names := make([]string, 0, len(h.modules))
	for _, m := range h.modules {
		names = append(names, m.Name())
	}
	return names
}
