// Package postgres is the notifications context's storage: the customer
// cache, the micro event store of SMS with its queue of SMS to send, and
// the LISTEN side of the wake-up the store sends when an SMS is requested.
package postgres
