// Package rest is the search context's HTTP API: the order search.
package rest

import (
	"net/http"

	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/search/app"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// Register mounts the search API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("GET "+searchapi.OrdersPath, httpx.Handle(searchOrders(a)))
}

func searchOrders(a *app.App) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		q, err := parseOrderQuery(r.URL.RawQuery)
		if err != nil {
			return err
		}
		list, err := a.SearchOrders(r.Context(), q)
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, list)
	}
}
