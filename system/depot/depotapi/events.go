package depotapi

// Status is the state of a shopping list: pending (created, not yet to be
// shopped) -> available (InitiateShopping: bots may take it) -> assigned ->
// completed; or cancelled before completion.
type Status string

// Shopping list statuses.
const (
	StatusPending   Status = "pending"
	StatusAvailable Status = "available"
	StatusAssigned  Status = "assigned"
	StatusCompleted Status = "completed"
	StatusCanceled  Status = "cancelled"
)

// ListItem is a product to pick up at a stop.
type ListItem struct {
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	Quantity    int    `json:"quantity"`
}

// Stop is one store the bot visits, with its location.
type Stop struct {
	StoreID       string     `json:"storeId"`
	StoreName     string     `json:"storeName"`
	StoreLocation string     `json:"storeLocation"`
	Items         []ListItem `json:"items"`
}

// ShoppingList is the full state of an order's shopping list (one per order).
type ShoppingList struct {
	ID      string `json:"shoppingListId"`
	OrderID string `json:"orderId"`
	Stops   []Stop `json:"stops"`
	Status  Status `json:"status"`
	BotID   string `json:"botId,omitempty"`
}

// Shopping list events.
type (
	ShoppingListCreated   struct{ ShoppingList }
	ShoppingListCanceled  struct{ ShoppingList }
	ShoppingListAvailable struct{ ShoppingList }
	ShoppingListAssigned  struct{ ShoppingList }
	// ShoppingListCompleted tells ordering that the order is ready for pickup.
	ShoppingListCompleted struct{ ShoppingList }
)

// EventName implementations: the message name on the wire.
func (ShoppingListCreated) EventName() string   { return "ShoppingListCreated" }
func (ShoppingListCanceled) EventName() string  { return "ShoppingListCanceled" }
func (ShoppingListAvailable) EventName() string { return "ShoppingListAvailable" }
func (ShoppingListAssigned) EventName() string  { return "ShoppingListAssigned" }
func (ShoppingListCompleted) EventName() string { return "ShoppingListCompleted" }

// ShoppingListState returns the list's state; every list event promotes it.
func (l ShoppingList) ShoppingListState() ShoppingList { return l }
