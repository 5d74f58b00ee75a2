// Package migrations holds the ordering context's tables besides the
// platform's: the order read model and the parked shopping completions.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
