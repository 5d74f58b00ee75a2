// Package commands routes the commands the payments context answers from
// the bus to its use cases; replies travel through the outbox.
package commands

import (
	"github.com/mallbots/mallbots/system/payments/app"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// Consumer is the durable consumer of the commands payments answers.
const Consumer = "payments-commands"

// Router returns the router of the payments commands consumer.
func Router(a *app.App) *inbox.Router {
	r := inbox.NewRouter(Consumer)
	command.On(r, paymentsapi.ConfirmPaymentSubject, a.ConfirmPayment)
	return r
}
