package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// OrderLocks serializes the transactions that change one order.
type OrderLocks struct{}

// NewOrderLocks returns the order locks; they are only ever taken within a
// caller's transaction.
func NewOrderLocks() OrderLocks { return OrderLocks{} }

// Lock takes a transaction-scoped advisory lock on the order, released at
// commit or rollback. Advisory locks are database-wide, so the key carries
// the context's prefix: payments locks the same order ids for its invoices
// and must not wait on ordering. A hash collision only serializes two
// orders needlessly.
func (OrderLocks) Lock(ctx context.Context, tx pgx.Tx, orderID string) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('ordering-order:' || $1, 0))`,
		orderID); err != nil {
		return fmt.Errorf("lock order %s: %w", orderID, err)
	}
	return nil
}
