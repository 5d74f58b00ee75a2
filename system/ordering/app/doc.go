// Package app holds the ordering context's use cases: creating an order from
// a checkout, the saga's ApproveOrder and RejectOrder commands, readying and
// completing an order on depot's and payments' events, cancelling it for the
// customer, and queries over the order read model, which is projected in the
// same transaction as the events.
package app
