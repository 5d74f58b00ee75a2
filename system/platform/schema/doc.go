// Package schema holds the platform's own tables (event store, snapshots,
// outbox, inbox, saga state) that every context's schema gets at start.
package schema

import (
	"context"
	"embed"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/platform/pg"
)

//go:embed migrations/*.sql
var files embed.FS

// Apply creates or upgrades the platform tables in the pool's schema.
func Apply(ctx context.Context, pool *pgxpool.Pool) error {
	sub, err := fs.Sub(files, "migrations")
	if err != nil {
		return err
	}
	return pg.Migrate(ctx, pool, "platform_schema_version", sub)
}
