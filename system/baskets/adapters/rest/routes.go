// Package rest is the baskets context's HTTP API.
package rest

import (
	"errors"
	"net/http"

	"github.com/mallbots/mallbots/system/baskets/app"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Problem types of a request that another context could not answer; the
// request may be retried.
const (
	// TypeStoresUnavailable: a product not cached yet, stores unreachable.
	TypeStoresUnavailable = httpx.ProblemBase + "stores-unavailable"
	// TypeCustomersUnavailable: a customer not cached yet, customers
	// unreachable.
	TypeCustomersUnavailable = httpx.ProblemBase + "customers-unavailable"
)

// Register mounts the baskets API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("POST /api/baskets", httpx.Handle(unavailable(httpx.Created(a.StartBasket))))
	mux.Handle("GET /api/baskets/{basketId}", httpx.Handle(httpx.ByID("basketId", a.Basket)))
	mux.Handle("POST /api/baskets/{basketId}/items",
		httpx.Handle(unavailable(httpx.WithBody("basketId", a.AddItem, http.StatusOK))))
	mux.Handle("DELETE /api/baskets/{basketId}/items/{productId}", httpx.Handle(removeItem(a)))
	mux.Handle("POST /api/baskets/{basketId}/cancel", httpx.Handle(httpx.Action("basketId", a.CancelBasket)))
	mux.Handle("POST /api/baskets/{basketId}/checkout",
		httpx.Handle(httpx.WithBody("basketId", a.CheckoutBasket, http.StatusOK)))
}

func removeItem(a *app.App) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := httpx.NoDocument(r); err != nil {
			return err
		}
		b, err := a.RemoveItem(r.Context(), r.PathValue("basketId"), r.PathValue("productId"))
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, b)
	}
}

// unavailable answers 503 with Retry-After when stores or customers could
// not be asked, instead of the 500 an unclassified error becomes.
func unavailable(h httpx.HandlerFunc) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		err := h(w, r)
		switch {
		case errors.Is(err, app.ErrStoresUnavailable):
			return retryLater(w, TypeStoresUnavailable,
				"the product is not cached yet and stores cannot be reached; retry shortly")
		case errors.Is(err, app.ErrCustomersUnavailable):
			return retryLater(w, TypeCustomersUnavailable,
				"the customer is not cached yet and customers cannot be reached; retry shortly")
		}
		return err
	}
}

func retryLater(w http.ResponseWriter, typ, detail string) error {
	w.Header().Set("Retry-After", "1")
	return httpx.NewProblem(http.StatusServiceUnavailable, typ, detail)
}
