// Package app holds the customers context's use cases: commands that
// register and change customers, the AuthorizeCustomer command handler, and
// queries over the customer read model, which is updated in the same
// transaction as the events.
package app
