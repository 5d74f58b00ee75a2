// Package paymentsapi is the public face of the payments context: payment
// and invoice events (each carrying full state), the ConfirmPayment command
// it answers, and its REST documents.
package paymentsapi

import "github.com/mallbots/mallbots/system/platform/msg"

// Context is the bounded context's name.
const Context = "payments"

// Subject returns the subject of a payments event.
func Subject(name string) string { return msg.EventSubject(Context, name) }

// ConfirmPaymentCommand is the message name of ConfirmPayment.
const ConfirmPaymentCommand = "ConfirmPayment"

// ConfirmPaymentSubject is the subject payments consumes ConfirmPayment on.
var ConfirmPaymentSubject = msg.CommandSubject(Context, ConfirmPaymentCommand)

// Register adds every payments message to r.
func Register(r *msg.Registry) {
	msg.Register[PaymentAuthorized](r, PaymentAuthorized{}.EventName())
	msg.Register[PaymentConfirmed](r, PaymentConfirmed{}.EventName())
	msg.Register[PaymentReleased](r, PaymentReleased{}.EventName())
	msg.Register[InvoiceCreated](r, InvoiceCreated{}.EventName())
	msg.Register[InvoicePaid](r, InvoicePaid{}.EventName())
	msg.Register[InvoiceCanceled](r, InvoiceCanceled{}.EventName())
	msg.Register[ConfirmPayment](r, ConfirmPaymentCommand)
}
