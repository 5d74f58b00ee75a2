package paymentsapi

// ConfirmPayment confirms an authorized payment for an order. It fails when
// the payment is unknown, belongs to another customer, or its amount differs
// from AmountCents; confirming the same payment for the same order again
// succeeds (a retried command has one effect).
type ConfirmPayment struct {
	PaymentID   string `json:"paymentId"`
	CustomerID  string `json:"customerId"`
	OrderID     string `json:"orderId"`
	AmountCents int64  `json:"amountCents"`
}
