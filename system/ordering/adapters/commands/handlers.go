// Package commands routes the commands the ordering context answers from the
// bus to its use cases; replies travel through the outbox.
package commands

import (
	"github.com/mallbots/mallbots/system/ordering/app"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// Consumer is the durable consumer of the commands ordering answers.
const Consumer = "ordering-commands"

// Router returns the router of the ordering commands consumer.
func Router(a *app.App) *inbox.Router {
	r := inbox.NewRouter(Consumer)
	command.On(r, orderingapi.ApproveOrderSubject, a.ApproveOrder)
	command.On(r, orderingapi.RejectOrderSubject, a.RejectOrder)
	return r
}
