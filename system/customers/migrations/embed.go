// Package migrations holds the customers context's read-model tables.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
