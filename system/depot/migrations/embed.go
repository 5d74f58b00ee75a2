// Package migrations holds the depot context's tables: its cache of stores,
// its index of lists by order with cancellation tombstones, the shopping
// list read table and the bots.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
