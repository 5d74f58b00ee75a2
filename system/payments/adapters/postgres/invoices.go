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

// Invoices reads and writes the invoice and order_cancellation tables.
type Invoices struct{ pool *pgxpool.Pool }

// NewInvoices returns the invoices over pool.
func NewInvoices(pool *pgxpool.Pool) *Invoices { return &Invoices{pool: pool} }

const invoiceColumns = `invoice_id, order_id, customer_id, payment_id, amount_cents, status, version`

// Save writes an invoice with its new events. A second invoice for one
// order violates the unique order id and is es.ErrStaleVersion.
func (r *Invoices) Save(ctx context.Context, tx pgx.Tx, i *domain.Invoice) error {
	s := i.State
	return save(ctx, tx, "invoice", &i.AggregateBase, func(ctx context.Context, tx pgx.Tx, from, to int) (int64, error) {
		if from == 0 {
			tag, err := tx.Exec(ctx, `INSERT INTO invoice (`+invoiceColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				s.ID, s.OrderID, s.CustomerID, s.PaymentID, s.AmountCents, s.Status, to)
			return tag.RowsAffected(), err
		}
		tag, err := tx.Exec(ctx, `UPDATE invoice SET status = $2, version = $3, updated_at = now()
			WHERE invoice_id = $1 AND version = $4`, s.ID, s.Status, to, from)
		return tag.RowsAffected(), err
	})
}

// Lock reads an invoice for update within tx.
func (r *Invoices) Lock(ctx context.Context, tx pgx.Tx, id string) (*domain.Invoice, bool, error) {
	rows, err := tx.Query(ctx, `SELECT `+invoiceColumns+` FROM invoice WHERE invoice_id = $1 FOR UPDATE`, id)
	return one(rows, err, scanInvoice)
}

// LockByOrder reads the order's invoice for update within tx.
func (r *Invoices) LockByOrder(ctx context.Context, tx pgx.Tx, orderID string) (*domain.Invoice, bool, error) {
	rows, err := tx.Query(ctx, `SELECT `+invoiceColumns+` FROM invoice WHERE order_id = $1 FOR UPDATE`, orderID)
	return one(rows, err, scanInvoice)
}

// Invoice reads one invoice.
func (r *Invoices) Invoice(ctx context.Context, id string) (paymentsapi.Invoice, error) {
	rows, err := r.pool.Query(ctx, `SELECT `+invoiceColumns+` FROM invoice WHERE invoice_id = $1`, id)
	i, found, err := one(rows, err, scanInvoice)
	switch {
	case err != nil:
		return paymentsapi.Invoice{}, fmt.Errorf("read invoice %s: %w", id, err)
	case !found:
		return paymentsapi.Invoice{}, apperr.NotFound("invoice", id)
	}
	return i.State, nil
}

// ByOrder lists the order's invoices (none or one).
func (r *Invoices) ByOrder(ctx context.Context, orderID string) ([]paymentsapi.Invoice, error) {
	rows, _ := r.pool.Query(ctx, `SELECT `+invoiceColumns+` FROM invoice WHERE order_id = $1
		ORDER BY created_at, invoice_id`, orderID)
	invoices, err := pgx.CollectRows(rows, scanInvoice)
	list := make([]paymentsapi.Invoice, 0, len(invoices))
	for _, i := range invoices {
		list = append(list, i.State)
	}
	return list, err
}

// LockOrder takes a transaction-scoped advisory lock on the order, so that
// an OrderReadied and an OrderCanceled of one order handled at the same time
// (by two instances) see each other's effect.
func (r *Invoices) LockOrder(ctx context.Context, tx pgx.Tx, orderID string) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('invoice-order:' || $1, 0))`, orderID); err != nil {
		return fmt.Errorf("lock order %s: %w", orderID, err)
	}
	return nil
}

// RecordCancellation records that the order was cancelled; again is harmless.
func (r *Invoices) RecordCancellation(ctx context.Context, tx pgx.Tx, orderID string) error {
	_, err := tx.Exec(ctx, `INSERT INTO order_cancellation (order_id) VALUES ($1) ON CONFLICT DO NOTHING`, orderID)
	if err != nil {
		return fmt.Errorf("record cancellation of order %s: %w", orderID, err)
	}
	return nil
}

// Cancelled reports whether the order was cancelled.
func (r *Invoices) Cancelled(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	var cancelled bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM order_cancellation WHERE order_id = $1)`, orderID).
		Scan(&cancelled)
	if err != nil {
		return false, fmt.Errorf("read cancellation of order %s: %w", orderID, err)
	}
	return cancelled, nil
}

func scanInvoice(r pgx.CollectableRow) (*domain.Invoice, error) {
	var s paymentsapi.Invoice
	var version int
	if err := r.Scan(&s.ID, &s.OrderID, &s.CustomerID, &s.PaymentID, &s.AmountCents, &s.Status, &version); err != nil {
		return nil, err
	}
	return domain.RestoreInvoice(s, version), nil
}
