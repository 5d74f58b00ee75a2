package rest

import (
	"maps"
	"net/http"
	"net/url"
	"slices"

	"github.com/mallbots/mallbots/system/ordering/app"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// orderQuery reads GET /api/orders?basketId=&customerId= as strictly as a
// body: an unknown, repeated or empty parameter is invalid, not ignored,
// and the problem names that parameter.
func orderQuery(r *http.Request) (app.OrderQuery, error) {
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return app.OrderQuery{}, apperr.Invalid("the query string is malformed: %v", err)
	}
	var q app.OrderQuery
	var c apperr.Check
	for _, key := range slices.Sorted(maps.Keys(values)) {
		vs := values[key]
		switch key {
		case "basketId":
			q.BasketID = vs[0]
		case "customerId":
			q.CustomerID = vs[0]
		default:
			c.Require(false, key, "is not a known parameter (basketId, customerId)")
			continue
		}
		c.Require(len(vs) == 1, key, "must be given once")
		c.Require(vs[0] != "", key, "must not be empty")
	}
	return q, c.Err()
}
