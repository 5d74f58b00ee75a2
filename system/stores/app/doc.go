// Package app holds the stores context's use cases: commands that change
// stores and products, and queries over their read model, which is updated
// in the same transaction as the events.
package app
