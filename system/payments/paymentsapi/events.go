package paymentsapi

// PaymentStatus is the state of a payment authorization.
type PaymentStatus string

// Payment statuses.
const (
	PaymentStatusAuthorized PaymentStatus = "authorized"
	PaymentStatusConfirmed  PaymentStatus = "confirmed"
	// PaymentStatusReleased is a payment given back because the order it
	// was authorized or confirmed for was rejected or cancelled: nothing
	// will be taken, and it can no longer be confirmed.
	PaymentStatusReleased PaymentStatus = "released"
)

// Payment is an amount a customer authorized, later confirmed by the saga,
// or released when its order ends without being shopped. OrderID is the
// order it was confirmed or released for.
type Payment struct {
	ID          string        `json:"paymentId"`
	CustomerID  string        `json:"customerId"`
	AmountCents int64         `json:"amountCents"`
	Status      PaymentStatus `json:"status"`
	OrderID     string        `json:"orderId,omitempty"`
}

// InvoiceStatus is the state of an invoice.
type InvoiceStatus string

// Invoice statuses.
const (
	InvoiceStatusOpen     InvoiceStatus = "open"
	InvoiceStatusPaid     InvoiceStatus = "paid"
	InvoiceStatusCanceled InvoiceStatus = "cancelled"
)

// Invoice is what the customer pays at pickup, created when the order is ready.
type Invoice struct {
	ID          string        `json:"invoiceId"`
	OrderID     string        `json:"orderId"`
	CustomerID  string        `json:"customerId"`
	PaymentID   string        `json:"paymentId"`
	AmountCents int64         `json:"amountCents"`
	Status      InvoiceStatus `json:"status"`
}

// Payment events.
type (
	PaymentAuthorized struct{ Payment }
	PaymentConfirmed  struct{ Payment }
	PaymentReleased   struct{ Payment }
)

// Invoice events.
type (
	InvoiceCreated  struct{ Invoice }
	InvoicePaid     struct{ Invoice }
	InvoiceCanceled struct{ Invoice }
)

// EventName implementations: the message name on the wire.
func (PaymentAuthorized) EventName() string { return "PaymentAuthorized" }
func (PaymentConfirmed) EventName() string  { return "PaymentConfirmed" }
func (PaymentReleased) EventName() string   { return "PaymentReleased" }
func (InvoiceCreated) EventName() string    { return "InvoiceCreated" }
func (InvoicePaid) EventName() string       { return "InvoicePaid" }
func (InvoiceCanceled) EventName() string   { return "InvoiceCanceled" }

// PaymentState returns the payment's state; every payment event promotes it.
func (p Payment) PaymentState() Payment { return p }

// InvoiceState returns the invoice's state; every invoice event promotes it.
func (i Invoice) InvoiceState() Invoice { return i }
