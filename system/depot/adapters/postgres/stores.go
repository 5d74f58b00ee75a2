// Package postgres is the depot context's storage in Postgres besides its
// event store: the stores cache, the order index with its tombstones, the
// shopping list read table and the bots table.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Stores is the cache of stores' names and locations.
type Stores struct{}

// PutStore upserts a store unless the cache holds version or a newer one,
// so a late or repeated event never rolls the cache back.
func (Stores) PutStore(ctx context.Context, tx pgx.Tx, s domain.Store, version int) error {
	_, err := tx.Exec(ctx, `INSERT INTO store_cache (store_id, name, location, version)
		VALUES ($1, $2, $3, $4) ON CONFLICT (store_id) DO UPDATE
		SET name = EXCLUDED.name, location = EXCLUDED.location,
		    version = EXCLUDED.version, updated_at = now()
		WHERE store_cache.version < EXCLUDED.version`,
		s.ID, s.Name, s.Location, version)
	if err != nil {
		return fmt.Errorf("cache store %s: %w", s.ID, err)
	}
	return nil
}

// Stores returns the cached stores among ids, keyed by id.
func (Stores) Stores(ctx context.Context, q pg.Querier, ids []string) (map[string]domain.Store, error) {
	rows, _ := q.Query(ctx, `SELECT store_id, name, location FROM store_cache WHERE store_id = ANY($1)`, ids)
	found, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (domain.Store, error) {
		var s domain.Store
		return s, r.Scan(&s.ID, &s.Name, &s.Location)
	})
	if err != nil {
		return nil, fmt.Errorf("read store cache: %w", err)
	}
	byID := make(map[string]domain.Store, len(found))
	for _, s := range found {
		byID[s.ID] = s
	}
	return byID, nil
}

func notFound(err error, kind, id string) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return apperr.NotFound(kind, id)
	}
	return err
}
