package basketsapi

// StartBasket is the body of POST /api/baskets.
type StartBasket struct {
	CustomerID string `json:"customerId"`
}

// AddItem is the body of POST /api/baskets/{basketId}/items. Adding a
// product already in the basket adds to its quantity.
type AddItem struct {
	ProductID string `json:"productId"`
	Quantity  int    `json:"quantity"`
}

// Checkout is the body of POST /api/baskets/{basketId}/checkout.
type Checkout struct {
	PaymentID string `json:"paymentId"`
}
