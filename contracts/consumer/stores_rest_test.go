//go:build pact

package consumer

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pact-foundation/pact-go/v2/consumer"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/pact-foundation/pact-go/v2/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	basketsstores "github.com/mallbots/mallbots/system/baskets/adapters/storesrest"
	"github.com/mallbots/mallbots/system/client"
	depotstores "github.com/mallbots/mallbots/system/depot/adapters/storesrest"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Provider states of the stores REST API (see contracts/provider).
const (
	StateProductExists = "a product exists"
	StateStoreExists   = "a store exists"
	StateNothingExists = "nothing exists"
)

// missingID is an id no provider state creates.
const missingID = "0195f7a4-0000-7000-8000-000000000404"

var (
	productBody = map[string]any{
		"productId":   pactkit.ID(pactkit.ExampleID),
		"storeId":     pactkit.ID(pactkit.ExampleID2),
		"name":        matchers.Like("Pencil"),
		"description": matchers.Like("HB, sharpened"),
		"sku":         matchers.Like("PEN-1"),
		"priceCents":  matchers.Integer(250),
		"removed":     matchers.Like(false),
	}
	storeBody = map[string]any{
		"storeId":       pactkit.ID(pactkit.ExampleID2),
		"name":          matchers.Like("Corner Shop"),
		"location":      matchers.Like("Level 1"),
		"participating": matchers.Like(true),
	}
	notFoundBody = map[string]any{
		"type":   httpx.TypeNotFound,
		"title":  matchers.Like("Not Found"),
		"status": 404,
	}
)

// byStateID is a path whose id the provider state returns under key.
func byStateID(prefix, key, example string) matchers.Matcher {
	return matchers.FromProviderState(fmt.Sprintf("%s${%s}", prefix, key), prefix+example)
}

func jsonAnswer(body map[string]any) consumer.V4ResponseBuilderFunc {
	return func(b *consumer.V4ResponseBuilder) {
		b.Header("Content-Type", matchers.S("application/json")).JSONBody(body)
	}
}

func problemAnswer(b *consumer.V4ResponseBuilder) {
	b.Header("Content-Type", matchers.S("application/problem+json")).JSONBody(notFoundBody)
}

func typedClient(cfg consumer.MockServerConfig) *client.Client {
	return client.New(map[string]string{storesapi.Context: fmt.Sprintf("http://%s:%d", cfg.Host, cfg.Port)},
		&http.Client{Timeout: 5 * time.Second})
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

// TestBasketsAsksStoresForAProduct: on a cache miss baskets reads the
// product, then its store, through storesrest (the typed client).
func TestBasketsAsksStoresForAProduct(t *testing.T) {
	err := httpPact(t, "baskets", "stores").AddInteraction().
		GivenWithParameter(models.ProviderState{Name: StateProductExists}).
		UponReceiving("a request for a product").
		WithRequestPathMatcher(http.MethodGet, byStateID("/api/products/", "productId", pactkit.ExampleID)).
		WillRespondWith(http.StatusOK, jsonAnswer(productBody)).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			p, found, err := basketsstores.New(typedClient(cfg)).Product(ctx(t), pactkit.ExampleID)
			require.NoError(t, err)
			assert.True(t, found)
			assert.Equal(t, storesapi.Product{ID: pactkit.ExampleID, StoreID: pactkit.ExampleID2, Name: "Pencil",
				Description: "HB, sharpened", SKU: "PEN-1", PriceCents: 250}, p)
			return err
		})
	require.NoError(t, err)
}

func TestBasketsAsksStoresForAStore(t *testing.T) {
	err := httpPact(t, "baskets", "stores").AddInteraction().
		GivenWithParameter(models.ProviderState{Name: StateStoreExists}).
		UponReceiving("a request for a store").
		WithRequestPathMatcher(http.MethodGet, byStateID("/api/stores/", "storeId", pactkit.ExampleID2)).
		WillRespondWith(http.StatusOK, jsonAnswer(storeBody)).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			s, found, err := basketsstores.New(typedClient(cfg)).Store(ctx(t), pactkit.ExampleID2)
			require.NoError(t, err)
			assert.True(t, found)
			assert.Equal(t, storesapi.Store{ID: pactkit.ExampleID2, Name: "Corner Shop", Location: "Level 1", Participating: true}, s)
			return err
		})
	require.NoError(t, err)
}

func TestBasketsAsksStoresForAMissingProduct(t *testing.T) {
	err := httpPact(t, "baskets", "stores").AddInteraction().
		Given(StateNothingExists).
		UponReceiving("a request for a product that does not exist").
		WithRequest(http.MethodGet, "/api/products/"+missingID).
		WillRespondWith(http.StatusNotFound, problemAnswer).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			_, found, err := basketsstores.New(typedClient(cfg)).Product(ctx(t), missingID)
			require.NoError(t, err, "404 is an answer: not found")
			assert.False(t, found)
			return err
		})
	require.NoError(t, err)
}

func TestBasketsAsksStoresForAMissingStore(t *testing.T) {
	err := httpPact(t, "baskets", "stores").AddInteraction().
		Given(StateNothingExists).
		UponReceiving("a request for a store that does not exist").
		WithRequest(http.MethodGet, "/api/stores/"+missingID).
		WillRespondWith(http.StatusNotFound, problemAnswer).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			_, found, err := basketsstores.New(typedClient(cfg)).Store(ctx(t), missingID)
			require.NoError(t, err)
			assert.False(t, found)
			return err
		})
	require.NoError(t, err)
}

// TestDepotAsksStoresForAStore: a store missing from the depot's cache is
// asked for through depot's storesrest.
func TestDepotAsksStoresForAStore(t *testing.T) {
	err := httpPact(t, "depot", "stores").AddInteraction().
		GivenWithParameter(models.ProviderState{Name: StateStoreExists}).
		UponReceiving("a request for a store").
		WithRequestPathMatcher(http.MethodGet, byStateID("/api/stores/", "storeId", pactkit.ExampleID2)).
		WillRespondWith(http.StatusOK, jsonAnswer(map[string]any{
			"storeId":  pactkit.ID(pactkit.ExampleID2),
			"name":     matchers.Like("Corner Shop"),
			"location": matchers.Like("Level 1"),
		})).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			s, found, err := depotstores.New(fmt.Sprintf("http://%s:%d", cfg.Host, cfg.Port)).Store(ctx(t), pactkit.ExampleID2)
			require.NoError(t, err)
			assert.True(t, found)
			assert.Equal(t, "Corner Shop", s.Name)
			assert.Equal(t, "Level 1", s.Location)
			return err
		})
	require.NoError(t, err)
}

func TestDepotAsksStoresForAMissingStore(t *testing.T) {
	err := httpPact(t, "depot", "stores").AddInteraction().
		Given(StateNothingExists).
		UponReceiving("a request for a store that does not exist").
		WithRequest(http.MethodGet, "/api/stores/"+missingID).
		WillRespondWith(http.StatusNotFound, problemAnswer).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			_, found, err := depotstores.New(fmt.Sprintf("http://%s:%d", cfg.Host, cfg.Port)).Store(ctx(t), missingID)
			require.NoError(t, err)
			assert.False(t, found)
			return err
		})
	require.NoError(t, err)
}
