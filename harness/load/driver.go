package load

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Run drives env as cfg says and returns what it measured. Cancelling ctx
// (Ctrl-C) stops the driving early; the result then covers what ran.
func Run(ctx context.Context, cfg Config, env runtime.Environment) (Result, error) {
	cfg.setDefaults()
	if err := cfg.Validate(); err != nil {
		return Result{}, fmt.Errorf("load: %w", err)
	}
	d, err := newDriver(ctx, cfg, env)
	if err != nil {
		return Result{}, err
	}
	defer d.close()
	return d.run(ctx)
}

// driver is one load run's moving parts.
type driver struct {
	cfg    Config
	env    runtime.Environment
	api    *client.Client
	nc     *nats.Conn
	track  *tracker
	shop   *shopper
	actors *actors
	obs    *observer
}

func newDriver(ctx context.Context, cfg Config, env runtime.Environment) (*driver, error) {
	eps := env.Endpoints()
	d := &driver{cfg: cfg, env: env, api: NewAPI(eps), track: newTracker(cfg.Until)}
	nc, err := nats.Connect(eps.NATS, nats.Name("load-driver"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("load: connect nats: %w", err)
	}
	d.nc = nc
	cat, err := seedCatalog(ctx, d.api, msg.NewID()[24:], cfg.Stores)
	if err != nil {
		d.close()
		return nil, fmt.Errorf("load: %w", err)
	}
	d.shop = &shopper{api: d.api, catalog: cat, track: d.track, items: cfg.Items}
	var act actor = idle{}
	if cfg.Until == StageCompleted {
		d.actors = startActors(context.WithoutCancel(ctx), d.api, d.track)
		act = d.actors
	}
	if d.obs, err = startObserver(ctx, nc, d.track, act); err != nil {
		d.close()
		return nil, fmt.Errorf("load: %w", err)
	}
	return d, nil
}

// NewAPI returns a client of every context and the SMS provider of eps,
// with enough kept-alive connections for the load, so that the driver
// measures the system rather than TCP handshakes.
func NewAPI(eps runtime.Endpoints) *client.Client {
	urls := map[string]string{topology.SMSProvider: eps.SMSProvider}
	for name, url := range eps.Contexts {
		urls[name] = url
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 1024, 256
	return client.New(urls, &http.Client{Transport: tr, Timeout: 30 * time.Second})
}

func (d *driver) close() {
	if d.obs != nil {
		d.obs.stop()
	}
	if d.actors != nil {
		d.actors.stop()
		d.actors = nil
	}
	if d.nc != nil {
		d.nc.Close()
	}
}

func (d *driver) run(ctx context.Context) (Result, error) {
	begin := time.Now()
	var smp *sampler
	if m, ok := d.env.(runtime.Meter); ok {
		smp = startSampler(ctx, m, begin, d.cfg.SampleEvery)
	}
	prog := startProgress(d.cfg.Progress, d.track, begin)
	d.drive(ctx)
	window := time.Since(begin)
	d.awaitOrders(ctx, d.cfg.Drain)
	prog.stop()
	d.obs.stop()
	d.obs = nil
	res := d.result(begin, window, time.Since(begin)-window)
	res.Interrupted = ctx.Err() != nil
	d.addSMS(context.WithoutCancel(ctx), &res, begin)
	if smp != nil {
		res.Resources, res.Samples, res.PeakTotalMemory, _ = smp.finish(context.WithoutCancel(ctx))
	} else {
		res.Resources = []Resource{{Name: "environment", Unavailable: d.cfg.Runtime + " runtime: resource use is not measured"}}
	}
	sortResources(res.Resources)
	return res, nil
}

// drive starts journeys until the window ends or ctx is cancelled.
func (d *driver) drive(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, d.cfg.Duration)
	defer cancel()
	if d.cfg.Rate > 0 {
		d.openLoop(ctx)
	} else {
		d.closedLoop(ctx)
	}
}

// awaitOrders waits until every journey has ended, for at most limit.
func (d *driver) awaitOrders(ctx context.Context, limit time.Duration) {
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for _, j := range d.track.journeys() {
		select {
		case <-j.done:
		case <-deadline.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// idle is the actor of a run that stops at approved: nobody shops or pays.
type idle struct{}

func (idle) listAvailable(string, string)  {}
func (idle) invoiceCreated(string, string) {}
