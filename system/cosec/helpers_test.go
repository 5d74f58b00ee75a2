package cosec_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/cosec"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// waitFor bounds every wait. The relay wakes on commit, so a healthy run
// moves a saga step in milliseconds; the bound turns a lost message into a
// failure that says what was seen, instead of a hang.
const waitFor = 20 * time.Second

// quietFor is the window in which "nothing more arrives" is checked.
const quietFor = 500 * time.Millisecond

// shortStep is the step timeout of the tests about deadlines.
const shortStep = time.Second

// mall is one test's cosec host, its client and the bus it plays the
// other contexts on.
type mall struct {
	env *systest.Env
	c   *client.Client
	bus *bus.Bus
}

// startCosec runs cosec alone on fresh infrastructure; stepTimeout zero
// keeps the default, long enough that no test step ever times out by
// accident.
func startCosec(tb testing.TB, stepTimeout time.Duration, opts ...systest.Option) *mall {
	tb.Helper()
	env := systest.Start(tb, []host.Module{cosec.Module{StepTimeout: stepTimeout}}, opts...)
	b, err := bus.Connect(context.Background(), env.NATS.URL(), "cosec-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	return &mall{env: env, c: client.Single(env.URL, []string{cosecapi.Context}), bus: b}
}

// newOrder returns a pending order of two lines from two stores.
func newOrder() orderingapi.Order {
	return orderingapi.Order{
		ID: msg.NewID(), BasketID: msg.NewID(), CustomerID: msg.NewID(), PaymentID: msg.NewID(),
		Items: []orderingapi.Item{
			{ProductID: msg.NewID(), ProductName: "Saw", StoreID: "store-a", StoreName: "Tools", PriceCents: 1250, Quantity: 2},
			{ProductID: msg.NewID(), ProductName: "Rake", StoreID: "store-b", StoreName: "Garden", PriceCents: 999, Quantity: 1},
		},
		TotalCents: 3499, Status: orderingapi.StatusPending,
	}
}

// orderCreated builds the OrderCreated envelope ordering would publish,
// under correlation.
func orderCreated(tb testing.TB, o orderingapi.Order, correlation string) msg.Envelope {
	tb.Helper()
	ctx := msg.WithMeta(context.Background(), msg.Meta{CorrelationID: correlation})
	e, err := msg.New(ctx, orderingapi.Subject("OrderCreated"), "OrderCreated",
		orderingapi.OrderCreated{Order: o}, msg.WithAggregate(o.ID, 1))
	require.NoError(tb, err)
	return e
}

// createOrder publishes OrderCreated for o as ordering would.
func (m *mall) createOrder(tb testing.TB, o orderingapi.Order, correlation string) msg.Envelope {
	tb.Helper()
	e := orderCreated(tb, o, correlation)
	require.NoError(tb, m.bus.Publish(context.Background(), e))
	return e
}

// sagaWhen waits until the order's saga, read over REST, satisfies ok, and
// fails with the last state seen otherwise.
func (m *mall) sagaWhen(t *testing.T, orderID string, ok func(cosecapi.Saga) bool) cosecapi.Saga {
	t.Helper()
	var last cosecapi.Saga
	var lastErr error
	require.Eventually(t, func() bool {
		last, lastErr = m.c.Saga(t.Context(), orderID)
		return lastErr == nil && ok(last)
	}, waitFor, 20*time.Millisecond, "saga of %s: last seen %+v (err %v)", orderID, last, lastErr)
	return last
}

// ended waits until the saga ended and returns it.
func (m *mall) ended(t *testing.T, orderID string) cosecapi.Saga {
	t.Helper()
	return m.sagaWhen(t, orderID, func(s cosecapi.Saga) bool {
		return s.Status == cosecapi.StatusSucceeded || s.Status == cosecapi.StatusFailed
	})
}

// steps lists the outcomes of a saga's history as step:outcome.
func steps(s cosecapi.Saga) []string {
	out := make([]string, 0, len(s.History))
	for _, h := range s.History {
		out = append(out, h.Step+":"+h.Outcome)
	}
	return out
}

// consumerSettled waits until a cosec consumer has acknowledged everything
// in the stream for it: every message it was given has been handled.
func (m *mall) consumerSettled(t *testing.T, durable string) {
	t.Helper()
	m.consumerWhen(t, durable, func(i *jetstream.ConsumerInfo) bool {
		return i.NumPending == 0 && i.NumAckPending == 0
	})
}

// consumerWhen waits until a cosec consumer's info satisfies ok.
func (m *mall) consumerWhen(t *testing.T, durable string, ok func(*jetstream.ConsumerInfo) bool) {
	t.Helper()
	var last *jetstream.ConsumerInfo
	assert.Eventually(t, func() bool {
		cons, err := m.bus.JetStream().Consumer(t.Context(), bus.StreamName, durable)
		if err != nil {
			return false
		}
		last, err = cons.Info(t.Context())
		return err == nil && ok(last)
	}, waitFor, 20*time.Millisecond, "consumer %s: last seen %+v", durable, last)
}
