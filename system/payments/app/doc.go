// Package app holds the payments context's use cases: authorizing a
// payment for a registered customer (cached from customers' events), the saga's ConfirmPayment command, releasing the payment of an
// order rejected or cancelled, opening an invoice when an order is ready,
// cancelling it when the order is cancelled, paying it, and the queries. Every change and the events announcing it are written in one
// transaction (the events through the outbox).
package app
