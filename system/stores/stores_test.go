package stores_test

import (
	"context"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

func startStores(t *testing.T) *client.Client {
	t.Helper()
	return clientFor(systest.Start(t, []host.Module{stores.Module{}}))
}

func clientFor(env *systest.Env) *client.Client {
	return client.Single(env.URL, []string{storesapi.Context})
}

func TestStoreLifecycle(t *testing.T) {
	t.Parallel()
	c, ctx := startStores(t), context.Background()

	s, err := c.CreateStore(ctx, storesapi.CreateStore{Name: "Corner Shop", Location: "Level 1"})
	require.NoError(t, err)
	assert.False(t, s.Participating)

	s, err = c.EnableParticipation(ctx, s.ID)
	require.NoError(t, err)
	assert.True(t, s.Participating)

	_, err = c.EnableParticipation(ctx, s.ID)
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "enabling twice is a conflict")

	s, err = c.RebrandStore(ctx, s.ID, storesapi.RebrandStore{Name: "Big Shop"})
	require.NoError(t, err)
	got, err := c.Store(ctx, s.ID)
	require.NoError(t, err)
	assert.Equal(t, storesapi.Store{ID: s.ID, Name: "Big Shop", Location: "Level 1", Participating: true}, got)
}

func TestProductLifecycle(t *testing.T) {
	t.Parallel()
	c, ctx := startStores(t), context.Background()
	s, err := c.CreateStore(ctx, storesapi.CreateStore{Name: "Tools", Location: "Level 2"})
	require.NoError(t, err)

	p, err := c.AddProduct(ctx, s.ID, storesapi.AddProduct{Name: "Hammer", SKU: "H-1", PriceCents: 1000})
	require.NoError(t, err)
	p, err = c.IncreasePrice(ctx, p.ID, storesapi.ChangePrice{DeltaCents: 250})
	require.NoError(t, err)
	assert.EqualValues(t, 1250, p.PriceCents)
	_, err = c.DecreasePrice(ctx, p.ID, storesapi.ChangePrice{DeltaCents: 1250})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "a price may not drop to zero")

	_, err = c.RemoveProduct(ctx, p.ID)
	require.NoError(t, err)
	catalog, err := c.Catalog(ctx, s.ID)
	require.NoError(t, err)
	assert.Empty(t, catalog.Products, "a removed product leaves the catalogue")
	_, err = c.RebrandProduct(ctx, p.ID, storesapi.RebrandProduct{Name: "Mallet"})
	assert.Equal(t, http.StatusConflict, client.StatusOf(err), "a removed product cannot change")
}
