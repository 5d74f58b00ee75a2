// Package commands routes the commands the depot answers for the
// create-order saga from the bus to its use cases; each reply travels
// through the outbox in the command's inbox transaction.
package commands

import (
	"github.com/mallbots/mallbots/system/depot/app"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// Consumer is the durable consumer of the commands the depot answers.
const Consumer = "depot-commands"

// Router returns the router of the depot commands consumer.
func Router(a *app.App) *inbox.Router {
	r := inbox.NewRouter(Consumer)
	command.On(r, depotapi.CreateShoppingListSubject, a.CreateShoppingList)
	command.On(r, depotapi.CancelShoppingListSubject, a.CancelShoppingList)
	command.On(r, depotapi.InitiateShoppingSubject, a.InitiateShopping)
	return r
}
