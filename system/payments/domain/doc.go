// Package domain holds the payments context's entities and their rules: a
// Payment a customer authorizes and the saga confirms for an order (or that
// is released when that order is rejected or cancelled), and an
// Invoice created when the order is ready, then paid or cancelled. They are
// stored as state, not as events, but every change still raises an event
// carrying the full state, which the store writes to the outbox in the same
// transaction. It imports no infrastructure.
package domain
