package basketsapi

// Status is the lifecycle state of a basket.
type Status string

// Basket statuses. Only an open basket changes.
const (
	StatusOpen       Status = "open"
	StatusCanceled   Status = "canceled"
	StatusCheckedOut Status = "checked_out"
)

// Basket is the full state of a basket, carried by every basket event and
// returned by every basket endpoint.
type Basket struct {
	ID         string `json:"basketId"`
	CustomerID string `json:"customerId"`
	Status     Status `json:"status"`
	Items      []Item `json:"items"`
	PaymentID  string `json:"paymentId,omitempty"`
	TotalCents int64  `json:"totalCents"`
}

// Item is one product line of a basket, with the names and the price the
// product had when it was last added.
type Item struct {
	StoreID     string `json:"storeId"`
	StoreName   string `json:"storeName"`
	ProductID   string `json:"productId"`
	ProductName string `json:"productName"`
	PriceCents  int64  `json:"priceCents"`
	Quantity    int    `json:"quantity"`
}

// Basket events.
type (
	BasketStarted     struct{ Basket }
	BasketItemAdded   struct{ Basket }
	BasketItemRemoved struct{ Basket }
	BasketCanceled    struct{ Basket }
	// BasketCheckedOut carries everything ordering needs: the customer, the
	// payment, the total and each item's store and product names and price.
	BasketCheckedOut struct{ Basket }
)

// EventName implementations: the message name on the wire.
func (BasketStarted) EventName() string     { return "BasketStarted" }
func (BasketItemAdded) EventName() string   { return "BasketItemAdded" }
func (BasketItemRemoved) EventName() string { return "BasketItemRemoved" }
func (BasketCanceled) EventName() string    { return "BasketCanceled" }
func (BasketCheckedOut) EventName() string  { return "BasketCheckedOut" }

// BasketState returns the basket's state; every basket event promotes it.
func (b Basket) BasketState() Basket { return b }
