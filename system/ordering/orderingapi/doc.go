// Package orderingapi is the public face of the ordering context: the order
// events it publishes (each carrying the full order), the ApproveOrder and
// RejectOrder commands it answers, and its REST documents.
package orderingapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "ordering"

// Subject returns the subject of an ordering event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// Command names and subjects.
const (
	ApproveOrderCommand = "ApproveOrder"
	RejectOrderCommand  = "RejectOrder"
)

// Command subjects.
var (
	ApproveOrderSubject = msg.CommandSubject(Context, ApproveOrderCommand)
	RejectOrderSubject  = msg.CommandSubject(Context, RejectOrderCommand)
)

// Register adds every ordering message to r.
func Register(r *msg.Registry) {
	msg.Register[OrderCreated](r, OrderCreated{}.EventName())
	msg.Register[OrderApproved](r, OrderApproved{}.EventName())
	msg.Register[OrderRejected](r, OrderRejected{}.EventName())
	msg.Register[OrderReadied](r, OrderReadied{}.EventName())
	msg.Register[OrderCompleted](r, OrderCompleted{}.EventName())
	msg.Register[OrderCanceled](r, OrderCanceled{}.EventName())
	msg.Register[ApproveOrder](r, ApproveOrderCommand)
	msg.Register[RejectOrder](r, RejectOrderCommand)
}
