// Package basketsapi is the public face of the baskets context: the events
// it publishes (each carrying the full state of the basket), their subjects,
// and the REST request and response documents. Other contexts and the typed
// client import it; it imports only the platform's msg package.
package basketsapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "baskets"

// Subject returns the subject of a baskets event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// Register adds every baskets event to r.
func Register(r *msg.Registry) {
	msg.Register[BasketStarted](r, BasketStarted{}.EventName())
	msg.Register[BasketItemAdded](r, BasketItemAdded{}.EventName())
	msg.Register[BasketItemRemoved](r, BasketItemRemoved{}.EventName())
	msg.Register[BasketCanceled](r, BasketCanceled{}.EventName())
	msg.Register[BasketCheckedOut](r, BasketCheckedOut{}.EventName())
}
