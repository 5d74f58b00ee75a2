// Package migrations holds the baskets context's tables: the caches of
// stores' products and stores and of customers' registered customers.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
