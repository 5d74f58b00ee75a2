// Package commands routes the commands the customers context answers from
// the bus to its use cases; replies travel through the outbox.
package commands

import (
	"github.com/mallbots/mallbots/system/customers/app"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// Consumer is the durable consumer of the commands customers answers.
const Consumer = "customers-commands"

// Router returns the router of the customers commands consumer.
func Router(a *app.App) *inbox.Router {
	r := inbox.NewRouter(Consumer)
	command.On(r, customersapi.AuthorizeCustomerSubject, a.AuthorizeCustomer)
	return r
}
