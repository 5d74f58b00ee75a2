package rest

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/search/app"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

var params = []string{
	searchapi.ParamCustomerID, searchapi.ParamStoreID, searchapi.ParamStatus,
	searchapi.ParamFrom, searchapi.ParamTo, searchapi.ParamLimit,
}

// parseOrderQuery reads the search parameters strictly, as request bodies
// are read: a malformed query, an unknown or repeated parameter, a time that
// is not RFC 3339 or a limit that is not a number is a 400 naming it, never
// a filter silently dropped. An empty value is the same as no value.
func parseOrderQuery(raw string) (searchapi.OrderQuery, error) {
	q := searchapi.OrderQuery{Limit: searchapi.DefaultLimit}
	values, err := url.ParseQuery(raw)
	if err != nil {
		return q, invalid("query", "is not a valid URL query: "+err.Error())
	}
	var c apperr.Check
	for _, key := range slices.Sorted(maps.Keys(values)) {
		c.Require(slices.Contains(params, key), key,
			"is not a known parameter; use "+strings.Join(params, ", "))
		c.Require(len(values[key]) == 1, key, "must be given once")
	}
	q.CustomerID = values.Get(searchapi.ParamCustomerID)
	q.StoreID = values.Get(searchapi.ParamStoreID)
	q.Status = values.Get(searchapi.ParamStatus)
	q.From = parseTime(&c, values.Get(searchapi.ParamFrom), searchapi.ParamFrom)
	q.To = parseTime(&c, values.Get(searchapi.ParamTo), searchapi.ParamTo)
	if v := values.Get(searchapi.ParamLimit); v != "" {
		var err error
		q.Limit, err = strconv.Atoi(v)
		c.Require(err == nil, searchapi.ParamLimit, app.LimitRule)
	}
	return q, app.InvalidQuery(c.Err())
}

// parseTime reads an RFC 3339 time. A '+' of an offset that arrived as a
// space (an unescaped '+' in a query means a space) is taken as the '+'.
func parseTime(c *apperr.Check, v, param string) time.Time {
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		t, err = time.Parse(time.RFC3339Nano, strings.Replace(v, " ", "+", 1))
	}
	c.Require(err == nil, param, "must be an RFC 3339 time such as 2024-05-01T12:00:00Z")
	return t
}

func invalid(field, reason string) error {
	return app.InvalidQuery(apperr.InvalidFields(apperr.FieldError{Field: field, Reason: reason}))
}
