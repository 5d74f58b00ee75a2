package baskets_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
	"github.com/mallbots/mallbots/system/stores"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// deadline bounds every wait of a test, so that a stuck consumer fails the
// test with what it saw last instead of hanging it.
const deadline = 20 * time.Second

// pollEvery is how often a wait looks again.
const pollEvery = 50 * time.Millisecond

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*deadline)
	tb.Cleanup(cancel)
	return ctx
}

// startMall runs stores, customers and baskets in one host.
func startMall(tb testing.TB) (*systest.Env, *client.Client) {
	tb.Helper()
	env := systest.Start(tb, []host.Module{stores.Module{}, customers.Module{}, baskets.Module{}})
	return env, client.Single(env.URL, []string{storesapi.Context, customersapi.Context, basketsapi.Context})
}

// closedPort is a URL nothing answers on.
const closedPort = "http://127.0.0.1:1"

// withoutPeers points the stores and customers peers at a closed port: any
// REST call to them fails, so whatever baskets knows came from events.
func withoutPeers(c *host.Config) {
	c.Peers = host.Peers{storesapi.Context: closedPort, customersapi.Context: closedPort}
}

// startBasketsAlone runs baskets with no reachable stores or customers.
func startBasketsAlone(tb testing.TB) (*systest.Env, *client.Client) {
	tb.Helper()
	env := systest.Start(tb, []host.Module{baskets.Module{}}, withoutPeers)
	return env, client.Single(env.URL, []string{basketsapi.Context})
}

// register registers a customer with customers and returns its id.
func register(tb testing.TB, ctx context.Context, c *client.Client) string {
	tb.Helper()
	cu, err := c.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "Ada", SmsNumber: "+14155550123"})
	require.NoError(tb, err)
	return cu.ID
}

// announceCustomer puts customers' CustomerRegistered of a new customer on
// the wire, as customers' relay would, and returns the customer's id.
func announceCustomer(tb testing.TB, ctx context.Context, b *bus.Bus) string {
	tb.Helper()
	cu := customersapi.Customer{ID: msg.NewID(), Name: "Ada", SmsNumber: "+14155550123", Enabled: true}
	name := customersapi.CustomerRegistered{}.EventName()
	env, err := msg.New(ctx, customersapi.Subject(name), name, customersapi.CustomerRegistered{Customer: cu},
		msg.WithAggregate(cu.ID, 1))
	require.NoError(tb, err)
	require.NoError(tb, b.Publish(ctx, env))
	return cu.ID
}

// startBasket starts a basket for customerID as soon as baskets knows the
// customer (its CustomerRegistered may still be on its way), failing with
// the last answer after the deadline.
func startBasket(tb testing.TB, ctx context.Context, c *client.Client, customerID string) basketsapi.Basket {
	tb.Helper()
	var b basketsapi.Basket
	require.EventuallyWithT(tb, func(ct *assert.CollectT) {
		var err error
		b, err = c.StartBasket(ctx, basketsapi.StartBasket{CustomerID: customerID})
		assert.NoError(ct, err)
	}, deadline, pollEvery, "a basket for customer %s", customerID)
	return b
}

// seedProduct creates a participating store selling one product.
func seedProduct(tb testing.TB, ctx context.Context, c *client.Client, store, product string, price int64) (storesapi.Store, storesapi.Product) {
	tb.Helper()
	s, err := c.CreateStore(ctx, storesapi.CreateStore{Name: store, Location: "Level 1"})
	require.NoError(tb, err)
	s, err = c.EnableParticipation(ctx, s.ID)
	require.NoError(tb, err)
	p, err := c.AddProduct(ctx, s.ID, storesapi.AddProduct{Name: product, SKU: product + "-1", PriceCents: price})
	require.NoError(tb, err)
	return s, p
}

// connectBus connects to a test's NATS as a publisher of stores' events.
func connectBus(tb testing.TB, ctx context.Context, env *systest.Env) *bus.Bus {
	tb.Helper()
	b, err := bus.Connect(ctx, env.NATS.URL(), "baskets-test")
	require.NoError(tb, err)
	tb.Cleanup(b.Close)
	return b
}

// basketsDB opens the baskets schema of a test's database.
func basketsDB(tb testing.TB, ctx context.Context, env *systest.Env) *pgxpool.Pool {
	tb.Helper()
	pool, err := pg.Connect(ctx, env.DSN, basketsapi.Context)
	require.NoError(tb, err)
	tb.Cleanup(pool.Close)
	return pool
}
