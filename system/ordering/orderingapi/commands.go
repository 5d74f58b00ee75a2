package orderingapi

// ApproveOrder approves a pending order once the saga has succeeded. It
// fails for an order that is no longer pending (cancelled meanwhile).
type ApproveOrder struct {
	OrderID        string `json:"orderId"`
	ShoppingListID string `json:"shoppingListId"`
}

// RejectOrder rejects a pending order at the end of a failed saga.
type RejectOrder struct {
	OrderID string `json:"orderId"`
	Reason  string `json:"reason"`
}
