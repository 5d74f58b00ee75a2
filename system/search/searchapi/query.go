package searchapi

import (
	"net/url"
	"strconv"
	"time"
)

// OrdersPath is the path of the order search.
const OrdersPath = "/api/search/orders"

// Query parameters of GET /api/search/orders. Every one is optional and may
// be given at most once; an empty value is the same as an absent one.
const (
	ParamCustomerID = "customerId"
	ParamStoreID    = "storeId"
	ParamStatus     = "status"
	ParamFrom       = "from"
	ParamTo         = "to"
	ParamLimit      = "limit"
)

// Bounds of the limit parameter.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// OrderQuery is one search for orders; a zero field does not filter.
// StoreID matches the orders with any item from that store. Status is an
// ordering status (pending, approved, ready, completed, rejected, cancelled).
// From and To bound createdAt, both inclusive. Limit 0 asks for DefaultLimit.
type OrderQuery struct {
	CustomerID string
	StoreID    string
	Status     string
	From       time.Time
	To         time.Time
	Limit      int
}

// Encode returns q as a URL query (RFC 3339 times), leaving zero fields out.
func (q OrderQuery) Encode() string {
	v := url.Values{}
	set := func(key, value string) {
		if value != "" {
			v.Set(key, value)
		}
	}
	set(ParamCustomerID, q.CustomerID)
	set(ParamStoreID, q.StoreID)
	set(ParamStatus, q.Status)
	if !q.From.IsZero() {
		set(ParamFrom, q.From.Format(time.RFC3339Nano))
	}
	if !q.To.IsZero() {
		set(ParamTo, q.To.Format(time.RFC3339Nano))
	}
	if q.Limit != 0 {
		set(ParamLimit, strconv.Itoa(q.Limit))
	}
	return v.Encode()
}
