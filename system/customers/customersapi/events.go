package customersapi

// Customer is the full state of a customer, carried by every customer event.
type Customer struct {
	ID        string `json:"customerId"`
	Name      string `json:"name"`
	SmsNumber string `json:"smsNumber"`
	Enabled   bool   `json:"enabled"`
}

// Customer events.
type (
	CustomerRegistered       struct{ Customer }
	CustomerSmsNumberChanged struct{ Customer }
	CustomerEnabled          struct{ Customer }
	CustomerDisabled         struct{ Customer }
)

// EventName implementations: the message name on the wire.
func (CustomerRegistered) EventName() string       { return "CustomerRegistered" }
func (CustomerSmsNumberChanged) EventName() string { return "CustomerSmsNumberChanged" }
func (CustomerEnabled) EventName() string          { return "CustomerEnabled" }
func (CustomerDisabled) EventName() string         { return "CustomerDisabled" }

// CustomerState returns the customer's state; every customer event promotes it.
func (c Customer) CustomerState() Customer { return c }

// CustomerEvent is any customers event: each carries the customer's full
// state.
type CustomerEvent interface {
	CustomerState() Customer
	EventName() string
}
