package app

import (
	"context"
	"errors"
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

// Customers is what payments knows of the customers it pays for: a cache
// of the customers that exist, fed by customers' events, and customers'
// REST API, asked on a cache miss.
type Customers struct {
	Cache interface {
		Put(ctx context.Context, tx pgx.Tx, id string) error
		Known(ctx context.Context, id string) (bool, error)
	}
	API interface {
		Exists(ctx context.Context, id string) (bool, error)
	}
}

// ErrCustomersUnavailable reports that a customer the cache does not know
// could not be checked because customers could not be asked; the request
// may be retried.
var ErrCustomersUnavailable = errors.New("the customers context is unavailable")

// App is the payments application service.
type App struct {
	pool      *pgxpool.Pool
	payments  Payments
	invoices  Invoices
	customers Customers
	log       *slog.Logger
}

// New returns the application over pool, its stores and what it knows of
// the customers.
func New(pool *pgxpool.Pool, payments Payments, invoices Invoices, customers Customers, log *slog.Logger) *App {
	return &App{pool: pool, payments: payments, invoices: invoices, customers: customers, log: log}
}
