//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Provider states of the stores API that the client's pact adds to those
// of stores_rest_test.go.
const (
	stateIdleStore      = "a store that does not participate exists"
	stateRemovedProduct = "a removed product exists"
)

var (
	sdkStore = storesapi.Store{ID: sdkEx["storeId"], Name: "Corner Shop", Location: "Level 1", Participating: true}
	// sdkProduct is the product the states create: 2.50.
	sdkProduct = storesapi.Product{ID: sdkEx["productId"], StoreID: sdkEx["storeId"], Name: "Pencil",
		Description: "HB, sharpened", SKU: "PEN-1", PriceCents: 250}
)

// sdkStoreBody is the answer of s; participation is exact.
func sdkStoreBody(s storesapi.Store) map[string]any {
	return map[string]any{"storeId": sdkID("storeId"), "name": matchers.Like(s.Name),
		"location": matchers.Like(s.Location), "participating": s.Participating}
}

// sdkProductBody is the answer of p; the price and removed are exact.
func sdkProductBody(p storesapi.Product) map[string]any {
	return map[string]any{"productId": sdkID("productId"), "storeId": sdkID("storeId"),
		"name": matchers.Like(p.Name), "description": matchers.Like(p.Description), "sku": matchers.Like(p.SKU),
		"priceCents": p.PriceCents, "removed": p.Removed}
}

func withStore(change func(*storesapi.Store)) storesapi.Store {
	s := sdkStore
	change(&s)
	return s
}

func withProduct(change func(*storesapi.Product)) storesapi.Product {
	p := sdkProduct
	change(&p)
	return p
}

// TestClientStores: every stores endpoint the typed client calls.
func TestClientStores(t *testing.T) {
	calls := append(sdkStoreCalls(), sdkProductCalls()...)
	sdkVerify(t, storesapi.Context, append(calls, sdkStoreErrors()...))
}

func sdkStoreCalls() []sdkCall {
	idle := withStore(func(s *storesapi.Store) { s.Participating = false })
	rebranded := withStore(func(s *storesapi.Store) { s.Name = "Corner Shop Deluxe" })
	return []sdkCall{
		{desc: "a request to create a store", method: http.MethodPost, path: "/api/stores",
			body:   map[string]any{"name": idle.Name, "location": idle.Location},
			status: http.StatusCreated, answer: sdkStoreBody(idle), want: idle,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CreateStore(ctx, storesapi.CreateStore{Name: idle.Name, Location: idle.Location}))
			}},
		{desc: "a request for the stores", state: StateStoreExists, method: http.MethodGet, path: "/api/stores",
			status: http.StatusOK, answer: map[string]any{"stores": matchers.EachLike(sdkStoreBody(sdkStore), 1)},
			want: storesapi.StoreList{Stores: []storesapi.Store{sdkStore}},
			call: func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Stores(ctx)) }},
		{desc: "a request for a store", state: StateStoreExists, method: http.MethodGet, path: "/api/stores/${storeId}",
			status: http.StatusOK, answer: sdkStoreBody(sdkStore), want: sdkStore,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.Store(ctx, sdkEx["storeId"]))
			}},
		{desc: "a request to enable a store's participation", state: stateIdleStore, method: http.MethodPost,
			path:   "/api/stores/${storeId}/enable-participation",
			status: http.StatusOK, answer: sdkStoreBody(sdkStore), want: sdkStore,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.EnableParticipation(ctx, sdkEx["storeId"]))
			}},
		{desc: "a request to disable a store's participation", state: StateStoreExists, method: http.MethodPost,
			path:   "/api/stores/${storeId}/disable-participation",
			status: http.StatusOK, answer: sdkStoreBody(idle), want: idle,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.DisableParticipation(ctx, sdkEx["storeId"]))
			}},
		{desc: "a request to rebrand a store", state: StateStoreExists, method: http.MethodPost,
			path: "/api/stores/${storeId}/rebrand", body: map[string]any{"name": rebranded.Name},
			status: http.StatusOK, answer: withName(sdkStoreBody(rebranded), rebranded.Name), want: rebranded,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RebrandStore(ctx, sdkEx["storeId"], storesapi.RebrandStore{Name: rebranded.Name}))
			}},
	}
}

// withName makes the name of an answer exact: the one the request gave.
func withName(body map[string]any, name string) map[string]any {
	body["name"] = name
	return body
}

func sdkProductCalls() []sdkCall {
	in := storesapi.AddProduct{Name: sdkProduct.Name, Description: sdkProduct.Description, SKU: sdkProduct.SKU,
		PriceCents: sdkProduct.PriceCents}
	rebranded := withProduct(func(p *storesapi.Product) { p.Name, p.Description = "Pen", "blue" })
	dearer := withProduct(func(p *storesapi.Product) { p.PriceCents = 260 })
	cheaper := withProduct(func(p *storesapi.Product) { p.PriceCents = 240 })
	removed := withProduct(func(p *storesapi.Product) { p.Removed = true })
	return []sdkCall{
		{desc: "a request to add a product", state: StateStoreExists, method: http.MethodPost,
			path:   "/api/stores/${storeId}/products",
			body:   map[string]any{"name": in.Name, "description": in.Description, "sku": in.SKU, "priceCents": in.PriceCents},
			status: http.StatusCreated, answer: sdkProductBody(sdkProduct), want: sdkProduct,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AddProduct(ctx, sdkEx["storeId"], in))
			}},
		{desc: "a request for a store's catalog", state: StateProductExists, method: http.MethodGet,
			path: "/api/stores/${storeId}/products", status: http.StatusOK,
			answer: map[string]any{"storeId": sdkID("storeId"), "products": matchers.EachLike(sdkProductBody(sdkProduct), 1)},
			want:   storesapi.Catalog{StoreID: sdkEx["storeId"], Products: []storesapi.Product{sdkProduct}},
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.Catalog(ctx, sdkEx["storeId"]))
			}},
		{desc: "a request for a product", state: StateProductExists, method: http.MethodGet,
			path: "/api/products/${productId}", status: http.StatusOK, answer: sdkProductBody(sdkProduct), want: sdkProduct,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.Product(ctx, sdkEx["productId"]))
			}},
		{desc: "a request to rebrand a product", state: StateProductExists, method: http.MethodPost,
			path: "/api/products/${productId}/rebrand", body: map[string]any{"name": "Pen", "description": "blue"},
			status: http.StatusOK, want: rebranded,
			answer: sdkExact(sdkProductBody(rebranded), "name", "Pen", "description", "blue"),
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RebrandProduct(ctx, sdkEx["productId"], storesapi.RebrandProduct{Name: "Pen", Description: "blue"}))
			}},
		{desc: "a request to increase a product's price", state: StateProductExists, method: http.MethodPost,
			path: "/api/products/${productId}/increase-price", body: map[string]any{"deltaCents": 10},
			status: http.StatusOK, answer: sdkProductBody(dearer), want: dearer,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.IncreasePrice(ctx, sdkEx["productId"], storesapi.ChangePrice{DeltaCents: 10}))
			}},
		{desc: "a request to decrease a product's price", state: StateProductExists, method: http.MethodPost,
			path: "/api/products/${productId}/decrease-price", body: map[string]any{"deltaCents": 10},
			status: http.StatusOK, answer: sdkProductBody(cheaper), want: cheaper,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.DecreasePrice(ctx, sdkEx["productId"], storesapi.ChangePrice{DeltaCents: 10}))
			}},
		{desc: "a request to remove a product", state: StateProductExists, method: http.MethodDelete,
			path: "/api/products/${productId}", status: http.StatusOK, answer: sdkProductBody(removed), want: removed,
			call: func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RemoveProduct(ctx, sdkEx["productId"]))
			}},
	}
}

// sdkExact sets fields of an answer to exact values (key, value pairs).
func sdkExact(body map[string]any, kv ...string) map[string]any {
	for i := 0; i+1 < len(kv); i += 2 {
		body[kv[i]] = kv[i+1]
	}
	return body
}

// sdkStoreErrors: unknown ids, invalid documents and conflicts.
func sdkStoreErrors() []sdkCall {
	store, product := sdkEx["storeId"], sdkEx["productId"]
	pencil := storesapi.AddProduct{Name: "Pencil", Description: "HB", SKU: "PEN-1", PriceCents: 250}
	pencilBody := map[string]any{"name": "Pencil", "description": "HB", "sku": "PEN-1", "priceCents": 250}
	free := map[string]any{"name": "Pencil", "description": "HB", "sku": "PEN-1", "priceCents": 0}
	return []sdkCall{
		sdkFails(http.StatusBadRequest, "a request to create a store without a name", "",
			http.MethodPost, "/api/stores", map[string]any{"name": "", "location": "Level 1"}, "name").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.CreateStore(ctx, storesapi.CreateStore{Location: "Level 1"}))
			}),
		sdkFails(http.StatusNotFound, "a request for a store that does not exist", "",
			http.MethodGet, "/api/stores/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Store(ctx, missingID)) }),
		sdkFails(http.StatusConflict, "a request to enable the participation of a store that participates",
			StateStoreExists, http.MethodPost, "/api/stores/${storeId}/enable-participation", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.EnableParticipation(ctx, store))
			}),
		sdkFails(http.StatusConflict, "a request to disable the participation of a store that does not participate",
			stateIdleStore, http.MethodPost, "/api/stores/${storeId}/disable-participation", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.DisableParticipation(ctx, store))
			}),
		sdkFails(http.StatusBadRequest, "a request to rebrand a store without a name", StateStoreExists,
			http.MethodPost, "/api/stores/${storeId}/rebrand", map[string]any{"name": ""}, "name").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RebrandStore(ctx, store, storesapi.RebrandStore{}))
			}),
		sdkFails(http.StatusBadRequest, "a request to add a product without a price", StateStoreExists,
			http.MethodPost, "/api/stores/${storeId}/products", free, "priceCents").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				in := pencil
				in.PriceCents = 0
				return sdkOut(c.AddProduct(ctx, store, in))
			}),
		sdkFails(http.StatusNotFound, "a request to add a product to a store that does not exist", "",
			http.MethodPost, "/api/stores/"+missingID+"/products", pencilBody).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.AddProduct(ctx, missingID, pencil))
			}),
		sdkFails(http.StatusNotFound, "a request for the catalog of a store that does not exist", "",
			http.MethodGet, "/api/stores/"+missingID+"/products", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Catalog(ctx, missingID)) }),
		sdkFails(http.StatusNotFound, "a request for a product that does not exist", "",
			http.MethodGet, "/api/products/"+missingID, nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.Product(ctx, missingID)) }),
		sdkFails(http.StatusBadRequest, "a request to rebrand a product without a name", StateProductExists,
			http.MethodPost, "/api/products/${productId}/rebrand", map[string]any{"name": "", "description": "blue"}, "name").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.RebrandProduct(ctx, product, storesapi.RebrandProduct{Description: "blue"}))
			}),
		sdkFails(http.StatusBadRequest, "a request to increase a product's price by nothing", StateProductExists,
			http.MethodPost, "/api/products/${productId}/increase-price", map[string]any{"deltaCents": 0}, "deltaCents").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.IncreasePrice(ctx, product, storesapi.ChangePrice{}))
			}),
		sdkFails(http.StatusBadRequest, "a request to decrease a product's price by nothing", StateProductExists,
			http.MethodPost, "/api/products/${productId}/decrease-price", map[string]any{"deltaCents": 0}, "deltaCents").
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.DecreasePrice(ctx, product, storesapi.ChangePrice{}))
			}),
		sdkFails(http.StatusConflict, "a request to decrease a product's price to zero", StateProductExists,
			http.MethodPost, "/api/products/${productId}/decrease-price", map[string]any{"deltaCents": 250}).
			by(func(ctx context.Context, c *client.Client) (any, error) {
				return sdkOut(c.DecreasePrice(ctx, product, storesapi.ChangePrice{DeltaCents: 250}))
			}),
		sdkFails(http.StatusConflict, "a request to remove a removed product", stateRemovedProduct,
			http.MethodDelete, "/api/products/${productId}", nil).
			by(func(ctx context.Context, c *client.Client) (any, error) { return sdkOut(c.RemoveProduct(ctx, product)) }),
	}
}
