package search_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/search"
	"github.com/mallbots/mallbots/system/search/adapters/consumers"
	"github.com/mallbots/mallbots/system/search/searchapi"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// deadline bounds every wait of a test, so that a stuck consumer fails the
// test with what it saw last instead of hanging it.
const deadline = 20 * time.Second

// pollEvery is how often a wait asks search again.
const pollEvery = 50 * time.Millisecond

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*deadline)
	tb.Cleanup(cancel)
	return ctx
}

// startSearch runs search alone: whatever it knows came from the events the
// test publishes as ordering, customers and stores.
func startSearch(tb testing.TB) (*systest.Env, *client.Client) {
	tb.Helper()
	env := systest.Start(tb, []host.Module{search.Module{}})
	return env, client.Single(env.URL, []string{searchapi.Context})
}

// searchDB opens the search schema of a test's database.
func searchDB(tb testing.TB, ctx context.Context, env *systest.Env) *pgxpool.Pool {
	tb.Helper()
	pool, err := pg.Connect(ctx, env.DSN, searchapi.Context)
	require.NoError(tb, err)
	tb.Cleanup(pool.Close)
	return pool
}

// mall plays the contexts search listens to: it publishes their events on
// the bus as their outbox relays would, in real envelopes.
type mall struct {
	tb  testing.TB
	ctx context.Context
	bus *bus.Bus
}

func newMall(tb testing.TB, ctx context.Context, env *systest.Env) *mall {
	tb.Helper()
	b, err := bus.Connect(ctx, env.NATS.URL(), "search-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	return &mall{tb: tb, ctx: ctx, bus: b}
}

type orderEvent interface {
	OrderState() orderingapi.Order
	EventName() string
}

type customerEvent interface {
	CustomerState() customersapi.Customer
	EventName() string
}

type storeEvent interface {
	StoreState() storesapi.Store
	EventName() string
}

type productEvent interface {
	ProductState() storesapi.Product
	EventName() string
}

// order publishes an ordering event as version of its order.
func (m *mall) order(version int, e orderEvent, opts ...msg.Option) msg.Envelope {
	m.tb.Helper()
	return m.publish(orderingapi.Subject(e.EventName()), e.EventName(), e, e.OrderState().ID, version, opts...)
}

// customer publishes a customers event as version of its customer.
func (m *mall) customer(version int, e customerEvent) msg.Envelope {
	m.tb.Helper()
	return m.publish(customersapi.Subject(e.EventName()), e.EventName(), e, e.CustomerState().ID, version)
}

// store publishes a stores event as version of its store.
func (m *mall) store(version int, e storeEvent) msg.Envelope {
	m.tb.Helper()
	return m.publish(storesapi.Subject(e.EventName()), e.EventName(), e, e.StoreState().ID, version)
}

// product publishes a stores event as version of its product.
func (m *mall) product(version int, e productEvent) msg.Envelope {
	m.tb.Helper()
	return m.publish(storesapi.Subject(e.EventName()), e.EventName(), e, e.ProductState().ID, version)
}

func (m *mall) publish(subject, name string, payload any, aggregateID string, version int, opts ...msg.Option) msg.Envelope {
	m.tb.Helper()
	env, err := msg.New(m.ctx, subject, name, payload, append([]msg.Option{msg.WithAggregate(aggregateID, version)}, opts...)...)
	require.NoError(m.tb, err)
	require.NoError(m.tb, m.bus.Publish(m.ctx, env))
	return env
}

// settle waits until each of search's three consumers has handled every
// event published so far (they handle different aggregates side by side,
// so a marker handled last would prove nothing).
func (m *mall) settle(*client.Client) {
	m.tb.Helper()
	systest.AwaitCaughtUp(m.tb, m.ctx, m.bus.JetStream(),
		consumers.CustomersConsumer, consumers.StoresConsumer, consumers.OrderingConsumer)
}

// newOrder returns a pending order of customerID over items.
func newOrder(customerID string, items ...orderingapi.Item) orderingapi.Order {
	var total int64
	for _, it := range items {
		total += it.PriceCents * int64(it.Quantity)
	}
	return orderingapi.Order{ID: msg.NewID(), BasketID: msg.NewID(), CustomerID: customerID,
		PaymentID: msg.NewID(), Items: items, TotalCents: total, Status: orderingapi.StatusPending}
}

// in returns o in status s, as the event moving it there carries it.
func in(o orderingapi.Order, s orderingapi.Status) orderingapi.Order {
	o.Status = s
	return o
}

// line is an order line for quantity of p, with the names the order event carries.
func line(p storesapi.Product, s storesapi.Store, quantity int) orderingapi.Item {
	return orderingapi.Item{ProductID: p.ID, ProductName: p.Name, StoreID: s.ID, StoreName: s.Name,
		PriceCents: p.PriceCents, Quantity: quantity}
}

// eventuallyOrders searches until check passes on the result, failing with
// the last answer seen.
func eventuallyOrders(tb testing.TB, ctx context.Context, c *client.Client, q searchapi.OrderQuery,
	check func(*assert.CollectT, []searchapi.Order)) {
	tb.Helper()
	require.EventuallyWithT(tb, func(ct *assert.CollectT) {
		list, err := c.SearchOrders(ctx, q)
		if !assert.NoError(ct, err) {
			return
		}
		check(ct, list.Orders)
	}, deadline, pollEvery)
}

// eventuallyOrder searches until the result holds orderID and check passes on it.
func eventuallyOrder(tb testing.TB, ctx context.Context, c *client.Client, q searchapi.OrderQuery, orderID string,
	check func(*assert.CollectT, searchapi.Order)) {
	tb.Helper()
	eventuallyOrders(tb, ctx, c, q, func(ct *assert.CollectT, orders []searchapi.Order) {
		for _, o := range orders {
			if o.OrderID == orderID {
				check(ct, o)
				return
			}
		}
		ct.Errorf("order %s not in %+v", orderID, orders)
	})
}

// ids returns the order ids of a result, in its order.
func ids(orders []searchapi.Order) []string {
	out := make([]string, len(orders))
	for i, o := range orders {
		out[i] = o.OrderID
	}
	return out
}
