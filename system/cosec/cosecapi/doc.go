// Package cosecapi is the public face of cosec, the create-order saga
// coordinator: the saga's state as REST shows it, the events it publishes
// when a saga ends, and the subject its replies come back on.
package cosecapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "cosec"

// ReplySubject is where every participant replies to the saga's commands.
var ReplySubject = msg.Subject(Context, msg.KindReplies, "CreateOrderSaga")

// Subject returns the subject of a cosec event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// Register adds every cosec event to r.
func Register(r *msg.Registry) {
	msg.Register[CreateOrderSagaCompleted](r, CreateOrderSagaCompleted{}.EventName())
	msg.Register[CreateOrderSagaFailed](r, CreateOrderSagaFailed{}.EventName())
}
