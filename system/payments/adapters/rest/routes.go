// Package rest is the payments context's HTTP API.
package rest

import (
	"errors"
	"net/http"

	"github.com/mallbots/mallbots/system/payments/app"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// TypeCustomersUnavailable is the problem type of a customer not cached yet
// that customers could not be asked about; the request may be retried.
const TypeCustomersUnavailable = httpx.ProblemBase + "customers-unavailable"

// Register mounts the payments API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("POST /api/payments", httpx.Handle(unavailable(httpx.Created(a.AuthorizePayment))))
	mux.Handle("GET /api/payments/{paymentId}", httpx.Handle(httpx.ByID("paymentId", a.Payment)))
	mux.Handle("GET /api/invoices", httpx.Handle(invoicesByOrder(a)))
	mux.Handle("GET /api/invoices/{invoiceId}", httpx.Handle(httpx.ByID("invoiceId", a.Invoice)))
	mux.Handle("POST /api/invoices/{invoiceId}/pay", httpx.Handle(httpx.Action("invoiceId", a.PayInvoice)))
}

// unavailable answers 503 with Retry-After when customers could not be
// asked, instead of the 500 an unclassified error becomes.
func unavailable(h httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		err := h(w, r)
		if errors.Is(err, app.ErrCustomersUnavailable) {
			w.Header().Set("Retry-After", "1")
			return httpx.NewProblem(http.StatusServiceUnavailable, TypeCustomersUnavailable,
				"the customer is not cached yet and customers cannot be reached; retry shortly")
		}
		return err
	}
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
