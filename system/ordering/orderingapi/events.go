package orderingapi

// Status is the lifecycle state of an order: pending -> approved -> ready ->
// completed, or rejected (by the saga) or cancelled (by the customer).
type Status string

// Order statuses.
const (
	StatusPending   Status = "pending"
	StatusApproved  Status = "approved"
	StatusReady     Status = "ready"
	StatusCompleted Status = "completed"
	StatusRejected  Status = "rejected"
	StatusCanceled  Status = "cancelled"
)

// Item is one line of an order.
type Item struct {
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	StoreID     string `json:"storeId"`
	StoreName   string `json:"storeName"`
	PriceCents  int64  `json:"priceCents"`
	Quantity    int    `json:"quantity"`
}

// Order is the full state of an order, carried by every order event.
type Order struct {
	ID             string `json:"orderId"`
	BasketID       string `json:"basketId"`
	CustomerID     string `json:"customerId"`
	PaymentID      string `json:"paymentId"`
	Items          []Item `json:"items"`
	TotalCents     int64  `json:"totalCents"`
	Status         Status `json:"status"`
	ShoppingListID string `json:"shoppingListId,omitempty"`
	// Reason says why an order was rejected or cancelled.
	Reason string `json:"reason,omitempty"`
}

// Order events.
type (
	OrderCreated   struct{ Order }
	OrderApproved  struct{ Order }
	OrderRejected  struct{ Order }
	OrderReadied   struct{ Order }
	OrderCompleted struct{ Order }
	OrderCanceled  struct{ Order }
)

// EventName implementations: the message name on the wire.
func (OrderCreated) EventName() string   { return "OrderCreated" }
func (OrderApproved) EventName() string  { return "OrderApproved" }
func (OrderRejected) EventName() string  { return "OrderRejected" }
func (OrderReadied) EventName() string   { return "OrderReadied" }
func (OrderCompleted) EventName() string { return "OrderCompleted" }
func (OrderCanceled) EventName() string  { return "OrderCanceled" }

// OrderState returns the order's state; every order event promotes it.
func (o Order) OrderState() Order { return o }

// OrderEvent is any ordering event: each carries the order's full state.
type OrderEvent interface {
	OrderState() Order
	EventName() string
}
