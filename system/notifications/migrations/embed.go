// Package migrations holds the notifications context's tables: the cache of
// customers, the micro event store of SMS and the queue of SMS to send.
package migrations

import "embed"

// FS holds the tern migrations.
//
//go:embed *.sql
var FS embed.FS
