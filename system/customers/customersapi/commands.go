package customersapi

import "github.com/mallbots/mallbots/system/platform/msg"

// AuthorizeCustomerCommand is the message name of AuthorizeCustomer.
const AuthorizeCustomerCommand = "AuthorizeCustomer"

// AuthorizeCustomerSubject is the subject customers consumes AuthorizeCustomer on.
var AuthorizeCustomerSubject = msg.CommandSubject(Context, AuthorizeCustomerCommand)

// AuthorizeCustomer asks whether a customer may place an order. The reply
// succeeds, with an AuthorizeCustomerResult, for a registered and enabled
// customer; it fails, with a reason, for an unknown or disabled one.
type AuthorizeCustomer struct {
	CustomerID string `json:"customerId"`
}

// AuthorizeCustomerResult is the result of a successful AuthorizeCustomer.
type AuthorizeCustomerResult struct {
	CustomerID string `json:"customerId"`
}
