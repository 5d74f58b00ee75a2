// Package rest is the notifications context's HTTP API.
package rest

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/mallbots/mallbots/system/notifications/app"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Register mounts the notifications API on mux.
func Register(mux *httpx.Mux, a *app.App) {
	mux.Handle("GET /api/notifications", httpx.Handle(list(a)))
}

// list answers GET /api/notifications?customerId=&orderId=.
func list(a *app.App) httpx.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		q, err := query(r.URL.RawQuery, "customerId", "orderId")
		if err != nil {
			return err
		}
		out, err := a.Notifications(r.Context(), q["customerId"], q["orderId"])
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, out)
	}
}

// query returns the single values of the allowed parameters and refuses a
// malformed query, any other parameter and a repeated one.
func query(raw string, allowed ...string) (map[string]string, error) {
	values, err := url.ParseQuery(raw)
	if err != nil {
		return nil, apperr.Invalid("the query string is malformed: %v", err)
	}
	var c apperr.Check
	out := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(values)) {
		known := slices.Contains(allowed, name)
		c.Require(known, name, "is not a known parameter ("+strings.Join(allowed, ", ")+")")
		c.Require(!known || len(values[name]) == 1, name, "must be given once")
		out[name] = values[name][0]
	}
	return out, c.Err()
}
