package app

import (
	"context"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/payments/domain"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
)

// Payments stores payments. Save writes the payment's state and its new
// events (to the outbox) in tx; a concurrent change of the same payment is
// es.ErrStaleVersion.
type Payments interface {
	Save(ctx context.Context, tx pgx.Tx, p *domain.Payment) error
	// Lock reads a payment for update within tx; found is false for none.
	Lock(ctx context.Context, tx pgx.Tx, id string) (p *domain.Payment, found bool, err error)
	Payment(ctx context.Context, id string) (paymentsapi.Payment, error)
}

// Invoices stores invoices, one per order, and the orders cancelled before
// they had one.
type Invoices interface {
	Save(ctx context.Context, tx pgx.Tx, i *domain.Invoice) error
	// Lock reads an invoice for update within tx; found is false for none.
	Lock(ctx context.Context, tx pgx.Tx, id string) (i *domain.Invoice, found bool, err error)
	// LockByOrder reads the order's invoice for update within tx.
	LockByOrder(ctx context.Context, tx pgx.Tx, orderID string) (i *domain.Invoice, found bool, err error)
	Invoice(ctx context.Context, id string) (paymentsapi.Invoice, error)
	ByOrder(ctx context.Context, orderID string) ([]paymentsapi.Invoice, error)
	// LockOrder serializes, until tx ends, the work of every transaction
	// about one order's invoice.
	LockOrder(ctx context.Context, tx pgx.Tx, orderID string) error
	RecordCancellation(ctx context.Context, tx pgx.Tx, orderID string) error
	Cancelled(ctx context.Context, tx pgx.Tx, orderID string) (bool, error)
}

// App is the payments application service.
type App struct {
	pool     *pgxpool.Pool
	payments Payments
	invoices Invoices
	log      *slog.Logger
}

// New returns the application over pool and its stores.
func New(pool *pgxpool.Pool, payments Payments, invoices Invoices, log *slog.Logger) *App {
	return &App{pool: pool, payments: payments, invoices: invoices, log: log}
}
