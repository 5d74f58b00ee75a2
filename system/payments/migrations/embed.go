// Package migrations holds the payments context's tables: payments,
// invoices, the orders cancelled before they were invoiced and the cache of
// the customers that exist.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
