package stores_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// TestBadInputIsAProblemNeverAFailure sends every stores endpoint input it
// must refuse: each answer is a 4xx problem, never a 5xx.
func TestBadInputIsAProblemNeverAFailure(t *testing.T) {
	t.Parallel()
	env := systest.Start(t, []host.Module{stores.Module{}})
	c, ctx := clientFor(env), context.Background()
	s, err := c.CreateStore(ctx, storesapi.CreateStore{Name: "Bad Input", Location: "B1"})
	require.NoError(t, err)
	p, err := c.AddProduct(ctx, s.ID, storesapi.AddProduct{Name: "Thing", SKU: "T", PriceCents: 100})
	require.NoError(t, err)
	store, product := "/api/stores/"+s.ID, "/api/products/"+p.ID

	var cases []systest.BadRequest
	for _, e := range []struct{ name, method, path string }{
		{"create store", "POST", "/api/stores"},
		{"rebrand store", "POST", store + "/rebrand"},
		{"add product", "POST", store + "/products"},
		{"rebrand product", "POST", product + "/rebrand"},
		{"increase price", "POST", product + "/increase-price"},
		{"decrease price", "POST", product + "/decrease-price"},
	} {
		cases = append(cases, systest.BodyCases(e.name, e.method, e.path)...)
	}
	const j = "application/json"
	cases = append(cases, []systest.BadRequest{
		systest.Bad("create store/missing fields", "POST", "/api/stores", j, `{}`, 400),
		systest.Bad("create store/wrong type", "POST", "/api/stores", j, `{"name":5,"location":"x"}`, 400),
		systest.Bad("add product/zero price", "POST", store+"/products", j, `{"name":"a","sku":"b","priceCents":0}`, 400),
		systest.Bad("add product/price as text", "POST", store+"/products", j, `{"name":"a","sku":"b","priceCents":"1"}`, 400),
		systest.Bad("add product/unknown store", "POST", "/api/stores/nope/products", j, `{"name":"a","sku":"b","priceCents":1}`, 404),
		systest.Bad("increase price/negative", "POST", product+"/increase-price", j, `{"deltaCents":-5}`, 400),
		systest.Bad("decrease price/to zero", "POST", product+"/decrease-price", j, `{"deltaCents":100}`, 409),
		systest.Bad("rebrand store/empty name", "POST", store+"/rebrand", j, `{"name":" "}`, 400),
		systest.Bad("enable/unknown store", "POST", "/api/stores/nope/enable-participation", "", "", 404),
		systest.Bad("disable/not participating", "POST", store+"/disable-participation", "", "", 409),
		systest.Bad("get store/unknown", "GET", "/api/stores/nope", "", "", 404),
		systest.Bad("get store/NUL id", "GET", "/api/stores/%00", "", "", 404),
		systest.Bad("get store/invalid UTF-8 id", "GET", "/api/stores/%FF", "", "", 404),
		systest.Bad("get product/unknown", "GET", "/api/products/nope", "", "", 404),
		systest.Bad("catalog/unknown store", "GET", "/api/stores/nope/products", "", "", 404),
		systest.Bad("remove/unknown product", "DELETE", "/api/products/nope", "", "", 404),
		systest.Bad("stores/wrong method", "PUT", "/api/stores", j, `{}`, 405),
		systest.Bad("store/wrong method", "DELETE", store, "", "", 405),
		systest.Bad("unknown path", "GET", "/api/warehouses", "", "", 404),
	}...)
	systest.RunBadRequests(t, env.URL, cases)
}

// FuzzAddProductRequest posts arbitrary bodies to add a product: the answer
// is 201 or a 4xx problem, never a 5xx. The seeds run in every go test.
func FuzzAddProductRequest(f *testing.F) {
	for _, seed := range []string{
		`{"name":"Hammer","sku":"H-1","priceCents":1000}`, `{"name":`, `{"name":5}`, `{"priceCents":-1}`,
		`{"name":"ü","sku":"x","priceCents":9223372036854775807}`, `{"name":"a","sku":"b","priceCents":1e400}`,
		`null`, `[]`, `{"name":"a\u0000"}`, `{"name":"a","sku":"b","priceCents":1,"x":1}`,
	} {
		f.Add(seed)
	}
	env := systest.Start(f, []host.Module{stores.Module{}})
	s, err := clientFor(env).CreateStore(context.Background(), storesapi.CreateStore{Name: "Fuzz", Location: "F"})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, body string) {
		status := systest.Post(t, env.URL+"/api/stores/"+s.ID+"/products", body)
		if status >= 500 || (status != 201 && status < 400) {
			t.Fatalf("body %q: status %d", body, status)
		}
	})
}
