package customers_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// waitFor bounds every wait for a message. The relay wakes on commit, so a
// healthy run sees messages within milliseconds; the bound only turns a lost
// message into a failure instead of a hang.
const waitFor = 15 * time.Second

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// startCustomers runs the customers context on fresh infrastructure.
func startCustomers(t testing.TB) (*systest.Env, *client.Client) {
	t.Helper()
	env := systest.Start(t, []host.Module{customers.Module{}})
	return env, client.Single(env.URL, []string{customersapi.Context})
}

// register registers a customer and fails the test on error.
func register(t *testing.T, c *client.Client, name, number string) customersapi.Customer {
	t.Helper()
	cu, err := c.RegisterCustomer(t.Context(), customersapi.RegisterCustomer{Name: name, SmsNumber: number})
	require.NoError(t, err)
	return cu
}

// wire reads the envelopes stored in the domain stream under a filter, in
// stream order from the start of the stream, so nothing published before the
// test started reading is missed.
type wire struct {
	filter string
	cons   jetstream.Consumer
}

func readWire(t *testing.T, natsURL, filter string) *wire {
	t.Helper()
	nc, err := nats.Connect(natsURL)
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	cons, err := js.OrderedConsumer(t.Context(), bus.StreamName,
		jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	require.NoError(t, err)
	return &wire{filter: filter, cons: cons}
}

// next returns the next envelope on the wire, failing when none arrives
// before waitFor.
func (w *wire) next(t *testing.T) msg.Envelope {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for time.Now().Before(deadline) {
		m, err := w.cons.Next(jetstream.FetchMaxWait(max(time.Until(deadline), time.Second)))
		if errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		require.NoError(t, err, "read the stream")
		env, err := msg.Unmarshal(m.Data())
		require.NoError(t, err, "envelope on %s: %s", m.Subject(), m.Data())
		return env
	}
	require.FailNow(t, "no message on "+w.filter+" within "+waitFor.String())
	return msg.Envelope{}
}
