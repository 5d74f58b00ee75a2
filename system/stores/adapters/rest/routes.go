// Package rest is the stores context's HTTP API.
package rest

import (
	"net/http"

	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/stores/app"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Register mounts the stores API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("POST /api/stores", httpx.Handle(httpx.Created(a.CreateStore)))
	mux.Handle("GET /api/stores", httpx.Handle(func(w http.ResponseWriter, r *http.Request) error {
		stores, err := a.Stores(r.Context())
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, storesapi.StoreList{Stores: stores})
	}))
	mux.Handle("GET /api/stores/{storeId}", httpx.Handle(httpx.ByID("storeId", a.Store)))
	mux.Handle("POST /api/stores/{storeId}/enable-participation", httpx.Handle(httpx.Action("storeId", a.EnableParticipation)))
	mux.Handle("POST /api/stores/{storeId}/disable-participation", httpx.Handle(httpx.Action("storeId", a.DisableParticipation)))
	mux.Handle("POST /api/stores/{storeId}/rebrand", httpx.Handle(httpx.WithBody("storeId", a.RebrandStore, http.StatusOK)))
	mux.Handle("POST /api/stores/{storeId}/products", httpx.Handle(httpx.WithBody("storeId", a.AddProduct, http.StatusCreated)))
	mux.Handle("GET /api/stores/{storeId}/products", httpx.Handle(httpx.ByID("storeId", a.Catalog)))
	mux.Handle("GET /api/products/{productId}", httpx.Handle(httpx.ByID("productId", a.Product)))
	mux.Handle("POST /api/products/{productId}/rebrand", httpx.Handle(httpx.WithBody("productId", a.RebrandProduct, http.StatusOK)))
	mux.Handle("POST /api/products/{productId}/increase-price", httpx.Handle(httpx.WithBody("productId", a.IncreasePrice, http.StatusOK)))
	mux.Handle("POST /api/products/{productId}/decrease-price", httpx.Handle(httpx.WithBody("productId", a.DecreasePrice, http.StatusOK)))
	mux.Handle("DELETE /api/products/{productId}", httpx.Handle(httpx.Action("productId", a.RemoveProduct)))
}
