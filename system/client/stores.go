package client

import (
	"context"
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/stores/storesapi"
)

const stores = storesapi.Context

// CreateStore creates a store.
func (c *Client) CreateStore(ctx context.Context, in storesapi.CreateStore) (out storesapi.Store, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/stores", in, &out)
}

// Stores lists the stores.
func (c *Client) Stores(ctx context.Context) (out storesapi.StoreList, err error) {
	return out, c.Do(ctx, stores, http.MethodGet, "/api/stores", nil, &out)
}

// Store reads one store.
func (c *Client) Store(ctx context.Context, id string) (out storesapi.Store, err error) {
	return out, c.Do(ctx, stores, http.MethodGet, "/api/stores/"+url.PathEscape(id), nil, &out)
}

// EnableParticipation lets a store sell in the mall.
func (c *Client) EnableParticipation(ctx context.Context, id string) (out storesapi.Store, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/stores/"+url.PathEscape(id)+"/enable-participation", nil, &out)
}

// DisableParticipation withdraws a store from the mall.
func (c *Client) DisableParticipation(ctx context.Context, id string) (out storesapi.Store, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/stores/"+url.PathEscape(id)+"/disable-participation", nil, &out)
}

// RebrandStore renames a store.
func (c *Client) RebrandStore(ctx context.Context, id string, in storesapi.RebrandStore) (out storesapi.Store, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/stores/"+url.PathEscape(id)+"/rebrand", in, &out)
}

// AddProduct adds a product to a store.
func (c *Client) AddProduct(ctx context.Context, storeID string, in storesapi.AddProduct) (out storesapi.Product, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/stores/"+url.PathEscape(storeID)+"/products", in, &out)
}

// Catalog lists a store's products.
func (c *Client) Catalog(ctx context.Context, storeID string) (out storesapi.Catalog, err error) {
	return out, c.Do(ctx, stores, http.MethodGet, "/api/stores/"+url.PathEscape(storeID)+"/products", nil, &out)
}

// Product reads one product.
func (c *Client) Product(ctx context.Context, id string) (out storesapi.Product, err error) {
	return out, c.Do(ctx, stores, http.MethodGet, "/api/products/"+url.PathEscape(id), nil, &out)
}

// RebrandProduct renames a product.
func (c *Client) RebrandProduct(ctx context.Context, id string, in storesapi.RebrandProduct) (out storesapi.Product, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/products/"+url.PathEscape(id)+"/rebrand", in, &out)
}

// IncreasePrice raises a product's price.
func (c *Client) IncreasePrice(ctx context.Context, id string, in storesapi.ChangePrice) (out storesapi.Product, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/products/"+url.PathEscape(id)+"/increase-price", in, &out)
}

// DecreasePrice lowers a product's price.
func (c *Client) DecreasePrice(ctx context.Context, id string, in storesapi.ChangePrice) (out storesapi.Product, err error) {
	return out, c.Do(ctx, stores, http.MethodPost, "/api/products/"+url.PathEscape(id)+"/decrease-price", in, &out)
}

// RemoveProduct removes a product.
func (c *Client) RemoveProduct(ctx context.Context, id string) (out storesapi.Product, err error) {
	return out, c.Do(ctx, stores, http.MethodDelete, "/api/products/"+url.PathEscape(id), nil, &out)
}
