package depotapi

// Bot is a robot that shops the depot.
type Bot struct {
	ID   string `json:"botId"`
	Name string `json:"name"`
}

// RegisterBot is the body of POST /api/bots.
type RegisterBot struct {
	Name string `json:"name"`
}

// AssignList is the body of POST /api/shopping-lists/{shoppingListId}/assign
// and /complete.
type AssignList struct {
	BotID string `json:"botId"`
}

// ShoppingListList is the body of GET /api/shopping-lists?status=&orderId=.
type ShoppingListList struct {
	ShoppingLists []ShoppingList `json:"shoppingLists"`
}

// Query parameters of GET /api/shopping-lists.
const (
	QueryStatus  = "status"
	QueryOrderID = "orderId"
)

// ShoppingListFilter is the query of GET /api/shopping-lists; an empty
// field does not filter.
type ShoppingListFilter struct {
	Status  Status
	OrderID string
}
