// Package rest is the ordering context's HTTP API.
package rest

import (
	"net/http"

	"github.com/mallbots/mallbots/system/ordering/app"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Register mounts the ordering API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("GET /api/orders", httpx.Handle(listOrders(a)))
	mux.Handle("GET /api/orders/{orderId}", httpx.Handle(httpx.ByID("orderId", a.Order)))
	mux.Handle("POST /api/orders/{orderId}/cancel", httpx.Handle(OptionalBody("orderId", a.CancelOrder)))
}

func listOrders(a *app.App) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		q, err := orderQuery(r)
		if err != nil {
			return err
		}
		list, err := a.Orders(r.Context(), q)
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, list)
	}
}
