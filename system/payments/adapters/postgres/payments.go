package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Payments reads and writes the payment table.
type Payments struct{ pool *pgxpool.Pool }

// NewPayments returns the payments over pool.
func NewPayments(pool *pgxpool.Pool) *Payments { return &Payments{pool: pool} }

const paymentColumns = `payment_id, customer_id, amount_cents, status, order_id, version`

// Save writes a payment with its new events.
func (r *Payments) Save(ctx context.Context, tx pgx.Tx, p *domain.Payment) error {
	s := p.State
	return save(ctx, tx, "payment", &p.AggregateBase, func(ctx context.Context, tx pgx.Tx, from, to int) (int64, error) {
		if from == 0 {
			tag, err := tx.Exec(ctx, `INSERT INTO payment (`+paymentColumns+`) VALUES ($1, $2, $3, $4, $5, $6)`,
				s.ID, s.CustomerID, s.AmountCents, s.Status, s.OrderID, to)
			return tag.RowsAffected(), err
		}
		tag, err := tx.Exec(ctx, `UPDATE payment SET status = $2, order_id = $3, version = $4, updated_at = now()
			WHERE payment_id = $1 AND version = $5`, s.ID, s.Status, s.OrderID, to, from)
		return tag.RowsAffected(), err
	})
}

// Lock reads a payment for update within tx.
func (r *Payments) Lock(ctx context.Context, tx pgx.Tx, id string) (*domain.Payment, bool, error) {
	rows, err := tx.Query(ctx, `SELECT `+paymentColumns+` FROM payment WHERE payment_id = $1 FOR UPDATE`, id)
	return one(rows, err, scanPayment)
}

// Payment reads one payment.
func (r *Payments) Payment(ctx context.Context, id string) (paymentsapi.Payment, error) {
	rows, err := r.pool.Query(ctx, `SELECT `+paymentColumns+` FROM payment WHERE payment_id = $1`, id)
	p, found, err := one(rows, err, scanPayment)
	switch {
	case err != nil:
		return paymentsapi.Payment{}, fmt.Errorf("read payment %s: %w", id, err)
	case !found:
		return paymentsapi.Payment{}, apperr.NotFound("payment", id)
	}
	return p.State, nil
}

func scanPayment(r pgx.CollectableRow) (*domain.Payment, error) {
	var s paymentsapi.Payment
	var version int
	if err := r.Scan(&s.ID, &s.CustomerID, &s.AmountCents, &s.Status, &s.OrderID, &version); err != nil {
		return nil, err
	}
	return domain.RestorePayment(s, version), nil
}
