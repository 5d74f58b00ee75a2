package rest

import (
	"maps"
	"net/http"
	"net/url"
	"slices"

	"github.com/mallbots/mallbots/system/platform/apperr"
)

// orderQuery reads GET /api/invoices?orderId= as strictly as a body: an
// unknown or repeated parameter is invalid, not ignored.
func orderQuery(r *http.Request) (string, error) {
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return "", apperr.Invalid("the query string is malformed: %v", err)
	}
	var c apperr.Check
	for _, key := range slices.Sorted(maps.Keys(values)) {
		c.Require(key == "orderId", key, "is not a known parameter (orderId)")
		c.Require(len(values[key]) == 1, key, "must be given once")
	}
	if err := c.Err(); err != nil {
		return "", err
	}
	return values.Get("orderId"), nil
}
