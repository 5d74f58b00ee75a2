package local

import (
	"context"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
)

var _ runtime.Controls = (*Env)(nil)

// StopService stops a service gracefully.
func (e *Env) StopService(_ context.Context, service string) error {
	p, err := e.process(service)
	if err != nil {
		return err
	}
	return p.stop(10 * time.Second)
}

// KillService ends a service at once, as a crash would.
func (e *Env) KillService(_ context.Context, service string) error {
	p, err := e.process(service)
	if err != nil {
		return err
	}
	p.kill()
	return nil
}

// StartService starts a stopped service again on the same port and waits
// for its health check.
func (e *Env) StartService(ctx context.Context, service string) error {
	p, err := e.process(service)
	if err != nil {
		return err
	}
	if p.running() {
		return nil
	}
	if err := p.start(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, e.opts.readyTimeout)
	defer cancel()
	return p.awaitHealthy(ctx, e.endpoints.Services[service]+e.healthPath(service))
}

// StopBroker shuts NATS down, keeping its stored messages.
func (e *Env) StopBroker(context.Context) error {
	e.nats.Shutdown()
	return nil
}

// StartBroker brings NATS back on the same port with its stored messages;
// a cluster, once it has elected the stream's leader again.
func (e *Env) StartBroker(context.Context) error {
	if err := e.nats.Restart(); err != nil {
		return err
	}
	return e.awaitStream()
}
