package baskets_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/baskets"
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/host"
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

// startMall runs stores and baskets in one host.
func startMall(tb testing.TB) (*systest.Env, *client.Client) {
	tb.Helper()
	env := systest.Start(tb, []host.Module{stores.Module{}, baskets.Module{}})
	return env, client.Single(env.URL, []string{storesapi.Context, basketsapi.Context})
}

// withoutStores points the stores peer at a closed port: any REST call to
// stores fails, so whatever baskets knows came from events.
func withoutStores(c *host.Config) { c.Peers = host.Peers{storesapi.Context: "http://127.0.0.1:1"} }

// startBasketsAlone runs baskets with no reachable stores.
func startBasketsAlone(tb testing.TB) (*systest.Env, *client.Client) {
	tb.Helper()
	env := systest.Start(tb, []host.Module{baskets.Module{}}, withoutStores)
	return env, client.Single(env.URL, []string{basketsapi.Context})
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
