// Package searchapi is the public face of the search context: a read model
// of orders joined with customer names and store and product names.
package searchapi

import "time"

// Context is the bounded context's name.
const Context = "search"

// OrderItem is an order line with its names as search knows them now.
type OrderItem struct {
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	StoreID     string `json:"storeId"`
	StoreName   string `json:"storeName"`
	PriceCents  int64  `json:"priceCents"`
	Quantity    int    `json:"quantity"`
}

// Order is one order in the read model.
type Order struct {
	OrderID      string      `json:"orderId"`
	CustomerID   string      `json:"customerId"`
	CustomerName string      `json:"customerName"`
	Status       string      `json:"status"`
	TotalCents   int64       `json:"totalCents"`
	Items        []OrderItem `json:"items"`
	CreatedAt    time.Time   `json:"createdAt"`
	UpdatedAt    time.Time   `json:"updatedAt"`
}

// OrderList is the body of GET /api/search/orders?customerId=&storeId=&status=&from=&to=
// (from and to are RFC 3339 times bounding createdAt; every filter is optional).
type OrderList struct {
	Orders []Order `json:"orders"`
}
