package chaos

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/host"
)

// Target is the running system a chaos run disturbs and audits.
type Target struct {
	Env    runtime.Environment
	Faults runtime.Faults
	Topo   topology.Topology
	api    *client.Client
	nc     *nats.Conn
	js     jetstream.JetStream
	db     *pgxpool.Pool
}

// NewTarget connects to env's broker, database and APIs. env must offer
// fault controls (runtime.Faults): the local and containers runtimes do.
func NewTarget(ctx context.Context, env runtime.Environment, topo topology.Topology) (*Target, error) {
	f, ok := env.(runtime.Faults)
	if !ok {
		return nil, errors.New("chaos: this runtime offers no fault controls (use the local or containers runtime)")
	}
	t := &Target{Env: env, Faults: f, Topo: topo, api: load.NewAPI(env.Endpoints())}
	var err error
	if t.nc, err = nats.Connect(env.Endpoints().NATS, nats.Name("chaos"), nats.MaxReconnects(-1),
		nats.ReconnectWait(100*time.Millisecond)); err != nil {
		return nil, fmt.Errorf("chaos: connect nats: %w", err)
	}
	if t.js, err = jetstream.New(t.nc); err != nil {
		t.Close()
		return nil, fmt.Errorf("chaos: %w", err)
	}
	if t.db, err = pgxpool.New(ctx, f.DatabaseURL()); err != nil {
		t.Close()
		return nil, fmt.Errorf("chaos: connect postgres: %w", err)
	}
	return t, nil
}

// Close releases the connections.
func (t *Target) Close() {
	if t.db != nil {
		t.db.Close()
	}
	if t.nc != nil {
		t.nc.Close()
	}
}

// forceDeliveries asks every service to deliver each consumed message n
// times (1: normally) and returns the messages they gave back for another
// delivery so far, summed. Every service must answer; the request is sent
// again to those that did not (after a broker restart, a service answers
// only once it has reconnected), for up to controlWait.
func (t *Target) forceDeliveries(ctx context.Context, n int) (uint64, error) {
	data, _ := json.Marshal(host.ChaosRequest{Deliveries: n})
	replies := map[string]host.ChaosReply{}
	deadline := time.Now().Add(controlWait)
	for len(replies) < len(t.Topo.Services) {
		if err := t.askAll(data, replies); err != nil {
			return 0, err
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return 0, fmt.Errorf("chaos: %d of %d services answered the deliveries request within %s (started without --chaos?)",
				len(replies), len(t.Topo.Services), controlWait)
		}
	}
	var total uint64
	for _, r := range replies {
		total += r.Redelivered
	}
	return total, nil
}

// controlWait bounds how long forceDeliveries asks.
const controlWait = 30 * time.Second

// askAll sends one request and collects, for a second, the answers of the
// services, keyed by their contexts.
func (t *Target) askAll(data []byte, replies map[string]host.ChaosReply) error {
	inbox := nats.NewInbox()
	sub, err := t.nc.SubscribeSync(inbox)
	if err != nil {
		return fmt.Errorf("chaos: %w", err)
	}
	defer sub.Unsubscribe()
	if err := t.nc.PublishRequest(host.ChaosSubject, inbox, data); err != nil {
		return nil // disconnected for now: asked again
	}
	for len(replies) < len(t.Topo.Services) {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			return nil // the missing ones are asked again
		}
		var r host.ChaosReply
		if err := json.Unmarshal(m.Data, &r); err != nil || r.Error != "" {
			return fmt.Errorf("chaos: deliveries request refused: %s", m.Data)
		}
		replies[strings.Join(r.Contexts, ",")] = r
	}
	return nil
}
