// Package rest is the depot context's HTTP API for bots: they register,
// look for available lists, assign themselves and complete a list.
package rest

import (
	"net/http"
	"net/url"

	"github.com/mallbots/mallbots/system/depot/app"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Register mounts the depot API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	const list = "shoppingListId"
	mux.Handle("POST /api/bots", httpx.Handle(httpx.Created(a.RegisterBot)))
	mux.Handle("GET /api/bots/{botId}", httpx.Handle(httpx.ByID("botId", a.Bot)))
	mux.Handle("GET /api/shopping-lists", httpx.Handle(func(w http.ResponseWriter, r *http.Request) error {
		f, err := filterOf(r.URL.RawQuery)
		if err != nil {
			return err
		}
		out, err := a.ShoppingLists(r.Context(), f)
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, out)
	}))
	mux.Handle("GET /api/shopping-lists/{shoppingListId}", httpx.Handle(httpx.ByID(list, a.ShoppingList)))
	mux.Handle("POST /api/shopping-lists/{shoppingListId}/assign",
		httpx.Handle(httpx.WithBody(list, a.AssignList, http.StatusOK)))
	mux.Handle("POST /api/shopping-lists/{shoppingListId}/complete",
		httpx.Handle(httpx.WithBody(list, a.CompleteList, http.StatusOK)))
}

// filterOf reads the list query as strictly as a body: well-formed, each
// parameter at most once, and no parameter the endpoint does not know.
func filterOf(rawQuery string) (depotapi.ShoppingListFilter, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return depotapi.ShoppingListFilter{}, apperr.Invalid("the query is malformed: %v", err)
	}
	var c apperr.Check
	for name, values := range q {
		known := name == depotapi.QueryStatus || name == depotapi.QueryOrderID
		c.Require(known, name, "is not a parameter of this query")
		c.Require(!known || len(values) == 1, name, "must be given at most once")
	}
	if err := c.Err(); err != nil {
		return depotapi.ShoppingListFilter{}, err
	}
	return depotapi.ShoppingListFilter{Status: depotapi.Status(q.Get(depotapi.QueryStatus)),
		OrderID: q.Get(depotapi.QueryOrderID)}, nil
}
