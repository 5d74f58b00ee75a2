// Package domain holds the depot context's model: the event-sourced
// ShoppingList of an order, with its stops grouped by store, and its rules
// (pending -> available -> assigned -> completed, or cancelled before
// completion); the bots that shop it; and the checks on what callers send.
// It imports no infrastructure.
package domain
