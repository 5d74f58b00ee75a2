// Package customersapi is the public face of the customers context: the
// events it publishes (each carrying the full state of its customer), the
// AuthorizeCustomer command it answers, their subjects, and the REST request
// documents. Other contexts and the typed client import it; it imports only
// the platform's msg package.
package customersapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "customers"

// Subject returns the subject of a customers event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// Register adds every customers message to r: the events and the
// AuthorizeCustomer command.
func Register(r *msg.Registry) {
	msg.Register[CustomerRegistered](r, CustomerRegistered{}.EventName())
	msg.Register[CustomerSmsNumberChanged](r, CustomerSmsNumberChanged{}.EventName())
	msg.Register[CustomerEnabled](r, CustomerEnabled{}.EventName())
	msg.Register[CustomerDisabled](r, CustomerDisabled{}.EventName())
	msg.Register[AuthorizeCustomer](r, AuthorizeCustomerCommand)
}
