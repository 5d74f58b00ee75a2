package containers

import (
	"context"
	"fmt"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/harness/runtime"
)

var _ runtime.Controls = (*Env)(nil)

// stopGrace is how long a stopped container may take to shut down before
// the engine kills it.
const stopGrace = 10 * time.Second

// StopService stops a service's container gracefully (SIGTERM).
func (e *Env) StopService(ctx context.Context, service string) error {
	c, err := e.service(service)
	if err != nil {
		return err
	}
	grace := stopGrace
	return c.Stop(ctx, &grace)
}

// StartService starts a stopped service's container again and waits for
// its health check. Its host port is fixed, so its endpoint is unchanged.
func (e *Env) StartService(ctx context.Context, service string) error {
	c, err := e.service(service)
	if err != nil {
		return err
	}
	if running(ctx, c) {
		return nil
	}
	// Start runs the container's wait strategy (HTTP health) again.
	if err := c.Start(ctx); err != nil {
		return fmt.Errorf("start %s again: %w%s", service, err, e.logHint(service))
	}
	return nil
}

// StopBroker stops the NATS container (every node of a cluster); JetStream's
// store (/data in each container) is kept.
func (e *Env) StopBroker(ctx context.Context) error {
	return e.eachNATSNode(ctx, func(ctx context.Context, node string) error {
		c, err := e.container(node)
		if err != nil {
			return err
		}
		grace := stopGrace
		return c.Stop(ctx, &grace)
	})
}

// StartBroker starts the NATS container (every node of a cluster) again, on
// the same host ports and with the stored messages, and waits until
// JetStream answers (on a cluster, until the stream is led and every
// replica current).
func (e *Env) StartBroker(ctx context.Context) error {
	if err := e.eachNATSNode(ctx, e.startNATSAgain); err != nil {
		return err
	}
	if err := awaitJetStream(ctx, e.endpoints.NATS, e.opts.readyTimeout); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, electionWait)
	defer cancel()
	return e.awaitStream(ctx)
}

// running asks the engine whether c runs: testcontainers' own flag does
// not see a container killed behind its back (KillService, a crash).
func running(ctx context.Context, c interface {
	State(context.Context) (*container.State, error)
}) bool {
	st, err := c.State(ctx)
	return err == nil && st.Running
}

func (e *Env) service(name string) (interface {
	Stop(context.Context, *time.Duration) error
	Start(context.Context) error
	State(context.Context) (*container.State, error)
}, error) {
	if _, ok := e.topo.Service(name); !ok && name != "smsprovider" {
		return nil, fmt.Errorf("no service %q in topology %s", name, e.topo.Name)
	}
	return e.container(name)
}

// awaitJetStream polls url until a client connects and JetStream answers.
func awaitJetStream(ctx context.Context, url string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		if last = jetStreamAnswers(ctx, url); last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("nats at %s not ready: %w (last: %v)", url, ctx.Err(), last)
		case <-tick.C:
		}
	}
}

func jetStreamAnswers(ctx context.Context, url string) error {
	nc, err := nats.Connect(url, nats.Timeout(time.Second), nats.NoReconnect())
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	actx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_, err = js.AccountInfo(actx)
	return err
}
