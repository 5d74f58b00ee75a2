// Package migrations holds the payments context's tables: payments,
// invoices and the orders cancelled before they were invoiced.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
