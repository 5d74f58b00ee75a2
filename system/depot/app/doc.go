// Package app holds the depot context's use cases: the commands of the
// create-order saga (CreateShoppingList, CancelShoppingList,
// InitiateShopping), the reactions to stores' and ordering's events, and the
// bots' REST use cases. Every change of a list appends its events, writes
// them to the outbox and projects the read table in one transaction.
package app
