// Package depotapi is the public face of the depot context: shopping-list
// events (each carrying the full list), the commands it answers for the
// create-order saga, and its REST documents for bots.
package depotapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "depot"

// Subject returns the subject of a depot event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// Command names.
const (
	CreateShoppingListCommand = "CreateShoppingList"
	CancelShoppingListCommand = "CancelShoppingList"
	InitiateShoppingCommand   = "InitiateShopping"
)

// Command subjects.
var (
	CreateShoppingListSubject = msg.CommandSubject(Context, CreateShoppingListCommand)
	CancelShoppingListSubject = msg.CommandSubject(Context, CancelShoppingListCommand)
	InitiateShoppingSubject   = msg.CommandSubject(Context, InitiateShoppingCommand)
)

// Register adds every depot message to r.
func Register(r *msg.Registry) {
	msg.Register[ShoppingListCreated](r, ShoppingListCreated{}.EventName())
	msg.Register[ShoppingListCanceled](r, ShoppingListCanceled{}.EventName())
	msg.Register[ShoppingListAvailable](r, ShoppingListAvailable{}.EventName())
	msg.Register[ShoppingListAssigned](r, ShoppingListAssigned{}.EventName())
	msg.Register[ShoppingListCompleted](r, ShoppingListCompleted{}.EventName())
	msg.Register[CreateShoppingList](r, CreateShoppingListCommand)
	msg.Register[CancelShoppingList](r, CancelShoppingListCommand)
	msg.Register[InitiateShopping](r, InitiateShoppingCommand)
}
