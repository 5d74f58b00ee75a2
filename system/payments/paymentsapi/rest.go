package paymentsapi

// AuthorizePayment is the body of POST /api/payments.
type AuthorizePayment struct {
	CustomerID  string `json:"customerId"`
	AmountCents int64  `json:"amountCents"`
}

// InvoiceList is the body of GET /api/invoices?orderId=...
type InvoiceList struct {
	Invoices []Invoice `json:"invoices"`
}
