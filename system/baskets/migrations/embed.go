// Package migrations holds the baskets context's tables: the cache of
// stores' products and stores.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
