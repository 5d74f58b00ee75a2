// Package rest is the customers context's HTTP API.
package rest

import (
	"net/http"

	"github.com/mallbots/mallbots/system/customers/app"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Register mounts the customers API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("POST /api/customers", httpx.Handle(httpx.Created(a.RegisterCustomer)))
	mux.Handle("GET /api/customers/{customerId}", httpx.Handle(httpx.ByID("customerId", a.Customer)))
	mux.Handle("POST /api/customers/{customerId}/change-sms-number",
		httpx.Handle(httpx.WithBody("customerId", a.ChangeSmsNumber, http.StatusOK)))
	mux.Handle("POST /api/customers/{customerId}/enable", httpx.Handle(httpx.Action("customerId", a.EnableCustomer)))
	mux.Handle("POST /api/customers/{customerId}/disable", httpx.Handle(httpx.Action("customerId", a.DisableCustomer)))
}
