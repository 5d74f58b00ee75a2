// Package postgres is the search read model in Postgres: orders and their
// lines as ordering's events carry them, and the customer, store and product
// names they are joined with when read.
package postgres

import "github.com/jackc/pgx/v5/pgxpool"

// ReadModel reads and writes the read model's tables.
type ReadModel struct{ pool *pgxpool.Pool }

// NewReadModel returns the read model over pool.
func NewReadModel(pool *pgxpool.Pool) *ReadModel { return &ReadModel{pool: pool} }
