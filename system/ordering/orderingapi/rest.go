package orderingapi

// CancelOrder is the body of POST /api/orders/{orderId}/cancel.
type CancelOrder struct {
	Reason string `json:"reason"`
}

// OrderList is the body of GET /api/orders?basketId=...&customerId=...
type OrderList struct {
	Orders []Order `json:"orders"`
}
