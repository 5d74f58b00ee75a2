package depotapi

// OrderItem is an order line the list is made from.
type OrderItem struct {
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	StoreID     string `json:"storeId"`
	Quantity    int    `json:"quantity"`
}

// CreateShoppingList makes the order's list, grouped by store with each
// store's location. Its result is a CreateShoppingListResult. It fails when
// a store is unknown to the depot or the order's list was cancelled (a late
// command after a saga timeout must not resurrect it).
type CreateShoppingList struct {
	OrderID string      `json:"orderId"`
	Items   []OrderItem `json:"items"`
}

// CreateShoppingListResult is the result of CreateShoppingList.
type CreateShoppingListResult struct {
	ShoppingListID string `json:"shoppingListId"`
}

// CancelShoppingList cancels the order's list (compensation). Cancelling a
// list that does not exist yet records the cancellation, so that a late
// CreateShoppingList for the order fails; cancelling twice succeeds.
type CancelShoppingList struct {
	OrderID string `json:"orderId"`
}

// InitiateShopping makes the order's list available to bots.
type InitiateShopping struct {
	OrderID string `json:"orderId"`
}
