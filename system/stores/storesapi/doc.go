// Package storesapi is the public face of the stores context: the events it
// publishes (each carrying the full state of its store or product), their
// subjects, and the REST request and response documents. Other contexts and
// the typed client import it; it imports only the platform's msg package.
package storesapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "stores"

// Subject returns the subject of a stores event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// Register adds every stores event to r.
func Register(r *msg.Registry) {
	msg.Register[StoreCreated](r, StoreCreated{}.EventName())
	msg.Register[StoreParticipationEnabled](r, StoreParticipationEnabled{}.EventName())
	msg.Register[StoreParticipationDisabled](r, StoreParticipationDisabled{}.EventName())
	msg.Register[StoreRebranded](r, StoreRebranded{}.EventName())
	msg.Register[ProductAdded](r, ProductAdded{}.EventName())
	msg.Register[ProductRebranded](r, ProductRebranded{}.EventName())
	msg.Register[ProductPriceIncreased](r, ProductPriceIncreased{}.EventName())
	msg.Register[ProductPriceDecreased](r, ProductPriceDecreased{}.EventName())
	msg.Register[ProductRemoved](r, ProductRemoved{}.EventName())
}
