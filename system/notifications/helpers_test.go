package notifications_test

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/notifications"
	"github.com/mallbots/mallbots/system/notifications/adapters/consumers"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// deadline bounds every wait of a test, so that a stuck consumer or sender
// fails the test with what it saw last instead of hanging it.
const deadline = 20 * time.Second

// pollEvery is how often a wait looks again.
const pollEvery = 20 * time.Millisecond

// quietWindow is how long "exactly one SMS" watches the provider after the
// first SMS arrived: 500 ms, more than twice the longest backoff the tests
// configure (RetryMax 200 ms), so a duplicate from a retry or a second
// delivery would arrive within it.
const quietWindow = 500 * time.Millisecond

// fastRetries is the module as the tests run it: retries after 20 ms,
// doubling up to 200 ms.
var fastRetries = notifications.Module{RetryMin: 20 * time.Millisecond, RetryMax: 200 * time.Millisecond}

// world is one test's notifications context, its SMS provider and a
// connection to the bus to play customers and ordering.
type world struct {
	env *systest.Env
	c   *client.Client
	bus *bus.Bus
	ctx context.Context
	// lastCustomer is the stream sequence of the last customer event the
	// test published, which barrier awaits.
	lastCustomer uint64
}

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*deadline)
	tb.Cleanup(cancel)
	return ctx
}

// withProvider makes url the SMS provider's base URL.
func withProvider(url string) systest.Option {
	return func(c *host.Config) { c.Peers = host.Peers{notificationsapi.SMSProviderPeer: url} }
}

// start runs mod against a fresh SMS provider stand-in of its own.
func start(tb testing.TB, mod notifications.Module, opts ...systest.Option) *world {
	tb.Helper()
	sms := httptest.NewServer(smsprovider.New().Handler())
	tb.Cleanup(sms.Close)
	env := systest.Start(tb, []host.Module{mod}, append([]systest.Option{withProvider(sms.URL)}, opts...)...)
	ctx := testContext(tb)
	b, err := bus.Connect(ctx, env.NATS.URL(), "notifications-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	c := client.New(map[string]string{notificationsapi.Context: env.URL, notificationsapi.SMSProviderPeer: sms.URL}, nil)
	return &world{env: env, c: c, bus: b, ctx: ctx}
}

// publish puts one event on the wire as its context's relay would and
// returns it with its stream sequence.
func (w *world) publish(tb testing.TB, subject string, aggregateID string, version int, event interface{ EventName() string }) (msg.Envelope, uint64) {
	tb.Helper()
	env, err := msg.New(w.ctx, subject, event.EventName(), event, msg.WithAggregate(aggregateID, version))
	require.NoError(tb, err)
	return env, systest.Publish(tb, w.ctx, w.bus.JetStream(), env).Sequence
}

// customer publishes a customer event at version.
func (w *world) customer(tb testing.TB, version int, event interface {
	EventName() string
	CustomerState() customersapi.Customer
}) {
	tb.Helper()
	_, w.lastCustomer = w.publish(tb, customersapi.Subject(event.EventName()), event.CustomerState().ID, version, event)
}

// register publishes a new customer's registration.
func (w *world) register(tb testing.TB, name, number string) customersapi.Customer {
	tb.Helper()
	c := customersapi.Customer{ID: msg.NewID(), Name: name, SmsNumber: number, Enabled: true}
	w.customer(tb, 1, customersapi.CustomerRegistered{Customer: c})
	return c
}

// order publishes an order event at version and returns its envelope.
func (w *world) order(tb testing.TB, version int, event interface {
	EventName() string
	OrderState() orderingapi.Order
}) msg.Envelope {
	tb.Helper()
	env, _ := w.publish(tb, orderingapi.Subject(event.EventName()), event.OrderState().ID, version, event)
	return env
}

// newOrder returns a pending order of customer c.
func newOrder(c customersapi.Customer) orderingapi.Order {
	return orderingapi.Order{ID: msg.NewID(), BasketID: msg.NewID(), CustomerID: c.ID, PaymentID: msg.NewID(),
		Items: []orderingapi.Item{{ProductID: "p-1", ProductName: "Lamp", StoreID: "s-1", StoreName: "Lights",
			PriceCents: 500, Quantity: 1}}, TotalCents: 500, Status: orderingapi.StatusPending}
}

// fault puts a fault in force at the provider.
func (w *world) fault(tb testing.TB, f smsprovider.Fault) {
	tb.Helper()
	_, err := w.c.SetSMSFault(w.ctx, f)
	require.NoError(tb, err)
}

// exactlyOneSMS awaits the first SMS the provider received under each key,
// then watches the quiet window (quietWindow, 500 ms) by polling the
// provider until it ends: no second SMS of any key may arrive. It returns
// the one SMS of each key.
func (w *world) exactlyOneSMS(tb testing.TB, keys ...string) map[string]smsprovider.Message {
	tb.Helper()
	got := map[string][]smsprovider.Message{}
	require.EventuallyWithT(tb, func(ct *assert.CollectT) {
		var err error
		got, err = w.received(keys)
		if !assert.NoError(ct, err) {
			return
		}
		for _, k := range keys {
			assert.NotEmpty(ct, got[k], "an SMS under %s", k)
		}
	}, deadline, pollEvery)
	require.Never(tb, func() bool {
		now, err := w.received(keys)
		return err != nil || more(now)
	}, quietWindow, pollEvery, "a second SMS (or a provider error) within the quiet window")
	got, err := w.received(keys)
	require.NoError(tb, err)
	one := map[string]smsprovider.Message{}
	for _, k := range keys {
		require.Len(tb, got[k], 1, "exactly one SMS under %s: %+v", k, got[k])
		one[k] = got[k][0]
	}
	return one
}

func (w *world) received(keys []string) (map[string][]smsprovider.Message, error) {
	out := map[string][]smsprovider.Message{}
	for _, k := range keys {
		ms, err := w.c.SMSMessages(w.ctx, client.SMSFilter{IdempotencyKey: k})
		if err != nil {
			return nil, err
		}
		out[k] = ms
	}
	return out, nil
}

func more(got map[string][]smsprovider.Message) bool {
	for _, ms := range got {
		if len(ms) > 1 {
			return true
		}
	}
	return false
}

// notification awaits the REST view of an order's SMS of kind until check
// passes, failing with the last view seen.
func (w *world) notification(tb testing.TB, orderID, kind string, check func(*assert.CollectT, notificationsapi.Notification)) notificationsapi.Notification {
	tb.Helper()
	var n notificationsapi.Notification
	require.EventuallyWithT(tb, func(ct *assert.CollectT) {
		list, err := w.c.Notifications(w.ctx, "", orderID)
		if !assert.NoError(ct, err) {
			return
		}
		for _, got := range list.Notifications {
			if got.Kind == kind {
				n = got
			}
		}
		if assert.Equal(ct, kind, n.Kind, "a notification of kind %s in %+v", kind, list) {
			check(ct, n)
		}
	}, deadline, pollEvery)
	return n
}

// sent checks that a notification is sent.
func sent(ct *assert.CollectT, n notificationsapi.Notification) {
	assert.Equal(ct, notificationsapi.StatusSent, n.Status)
}

// barrier waits until every customer event published so far is in the
// cache: the customers consumer has acknowledged them all (it handles
// customers side by side, so a marker customer registered after them could
// overtake them), and then a marker customer can be texted. Ordering's
// events travel on another consumer and would otherwise race them.
func (w *world) barrier(tb testing.TB) {
	tb.Helper()
	systest.AwaitAcked(tb, w.ctx, w.bus.JetStream(), consumers.CustomersConsumer, w.lastCustomer)
	marker := w.register(tb, "Marker", "+14155559999")
	o := newOrder(marker)
	w.order(tb, 1, orderingapi.OrderCreated{Order: o})
	w.notification(tb, o.ID, notificationsapi.KindOrderCreated, func(*assert.CollectT, notificationsapi.Notification) {})
}

// redeliver stores env in the stream once more under another Msg-Id, as a
// publisher retry past the duplicate window would.
func redeliver(tb testing.TB, w *world, env msg.Envelope, msgID string) {
	tb.Helper()
	ack := systest.Publish(tb, w.ctx, w.bus.JetStream(), env, jetstream.WithMsgID(msgID))
	require.False(tb, ack.Duplicate, "the stream stores the copy published as %s", msgID)
}
