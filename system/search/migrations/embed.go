// Package migrations holds the search context's tables: the orders read
// model and the customer, store and product names it is joined with.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
