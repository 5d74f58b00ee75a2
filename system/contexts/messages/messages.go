// Package messages lists every message the contexts publish, in one
// registry: each public API's events and commands, and the reply every
// command answers. Tests decode the whole wire with it.
package messages

import (
	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// ReplyName is the name the reply payload is registered under: every reply
// on a saga's reply subject, whatever its command, is a command.Reply.
const ReplyName = "Reply"

// Registry returns a registry of every message the contexts publish.
func Registry() *msg.Registry {
	r := msg.NewRegistry()
	for _, register := range []func(*msg.Registry){storesapi.Register, customersapi.Register, basketsapi.Register,
		orderingapi.Register, paymentsapi.Register, depotapi.Register, cosecapi.Register} {
		register(r)
	}
	msg.Register[command.Reply](r, ReplyName)
	return r
}
