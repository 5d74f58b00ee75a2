// Package rest is the payments context's HTTP API.
package rest

import (
	"net/http"

	"github.com/mallbots/mallbots/system/payments/app"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Register mounts the payments API on mux.
func Register(mux *http.ServeMux, a *app.App) {
	mux.Handle("POST /api/payments", httpx.Handle(httpx.Created(a.AuthorizePayment)))
	mux.Handle("GET /api/payments/{paymentId}", httpx.Handle(httpx.ByID("paymentId", a.Payment)))
	mux.Handle("GET /api/invoices", httpx.Handle(invoicesByOrder(a)))
	mux.Handle("GET /api/invoices/{invoiceId}", httpx.Handle(httpx.ByID("invoiceId", a.Invoice)))
	mux.Handle("POST /api/invoices/{invoiceId}/pay", httpx.Handle(httpx.Action("invoiceId", a.PayInvoice)))
}

func invoicesByOrder(a *app.App) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		orderID, err := orderQuery(r)
		if err != nil {
			return err
		}
		list, err := a.InvoicesByOrder(r.Context(), orderID)
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, list)
	}
}
