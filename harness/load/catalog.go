package load

import (
	"context"
	"fmt"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// productsPerStore is how many products each seeded store sells.
const productsPerStore = 5

type product struct {
	id         string
	priceCents int64
}

// catalog is what the run's stores sell.
type catalog struct{ products []product }

// seedCatalog creates stores, each selling a few products, named after the
// run so that runs against one environment do not mix.
func seedCatalog(ctx context.Context, api *client.Client, run string, stores int) (*catalog, error) {
	c := &catalog{}
	for i := range stores {
		store, err := api.CreateStore(ctx, storesapi.CreateStore{
			Name: fmt.Sprintf("Load store %d %s", i+1, run), Location: fmt.Sprintf("Level %d", i%4+1)})
		if err != nil {
			return nil, fmt.Errorf("seed store: %w", err)
		}
		if _, err := api.EnableParticipation(ctx, store.ID); err != nil {
			return nil, fmt.Errorf("seed store: enable participation: %w", err)
		}
		for k := range productsPerStore {
			price := int64(100 + 37*(i*productsPerStore+k))
			p, err := api.AddProduct(ctx, store.ID, storesapi.AddProduct{
				Name: fmt.Sprintf("Item %d-%d", i+1, k+1), SKU: fmt.Sprintf("L-%d-%d", i, k), PriceCents: price})
			if err != nil {
				return nil, fmt.Errorf("seed product: %w", err)
			}
			c.products = append(c.products, product{id: p.ID, priceCents: price})
		}
	}
	return c, nil
}

// pick returns k distinct products for the n-th journey, spread over the
// stores so that shopping lists visit several of them.
func (c *catalog) pick(n, k int) []product {
	k = min(k, len(c.products))
	out := make([]product, 0, k)
	for i := range k {
		out = append(out, c.products[(n*7+i*productsPerStore+i)%len(c.products)])
	}
	return out
}
