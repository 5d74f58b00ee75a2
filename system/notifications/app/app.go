package app

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// Customers is the local copy of customers' state. A write carries the
// version of the customer aggregate it comes from and is ignored when the
// cache already holds that version or a newer one.
type Customers interface {
	Put(ctx context.Context, tx pgx.Tx, c domain.Customer, version int) error
	Get(ctx context.Context, tx pgx.Tx, id string) (c domain.Customer, found bool, err error)
}

// Store is the micro event store of SMS and the queue of those to send.
type Store interface {
	// Request appends an SMS's Requested event within tx and queues it;
	// created is false when the SMS was requested before.
	Request(ctx context.Context, tx pgx.Tx, e domain.Event) (created bool, err error)
	// ClaimDue locks one SMS due at now, if any, and runs fn on it in a
	// transaction that commits when fn returns nil.
	ClaimDue(ctx context.Context, now time.Time, fn func(context.Context, Claim) error) (claimed bool, err error)
	// NextDue returns when the earliest queued SMS is due.
	NextDue(ctx context.Context) (at time.Time, found bool, err error)
	// Find returns the events of every SMS of a customer and/or an order,
	// one slice per SMS; an empty id is no filter.
	Find(ctx context.Context, customerID, orderID string) ([][]domain.Event, error)
}

// Claim is one SMS locked for an attempt.
type Claim interface {
	// Events returns the SMS's events, oldest first.
	Events() []domain.Event
	// Commit appends e at once in a transaction of its own, so that it
	// stays recorded whatever becomes of the claim; Events then ends with e.
	Commit(ctx context.Context, e domain.Event) error
	// Append appends e within the claim's transaction and moves the
	// queue on: a failure reschedules the SMS, Sent or Rejected removes it.
	// Events then ends with e.
	Append(ctx context.Context, e domain.Event) error
}

// Provider is the external SMS provider.
type Provider interface {
	// Send hands one message to the provider and returns its id there.
	Send(ctx context.Context, key, to, body string) (messageID string, err error)
	// Find asks whether the provider has a message sent under key.
	Find(ctx context.Context, key string) (messageID string, found bool, err error)
}

// Outcomes of a failed send a Provider reports; any other error leaves the
// outcome unknown (the provider may have the message).
var (
	// ErrNotAccepted: the provider answered that it did not take the
	// message and that a later try may succeed.
	ErrNotAccepted = errors.New("the provider did not accept the message")
	// ErrRejected: the provider answered that the message will never be
	// accepted as it is.
	ErrRejected = errors.New("the provider rejected the message")
)

// ErrCustomerUnknown reports an order event for a customer the cache does
// not hold yet; the event is retried, as the customer's events may lag (for
// as long as the bus retries an unavailable dependency, not just max
// deliver times: after a broker restart the lag outlasted those).
var ErrCustomerUnknown = apperr.Unavailable(errors.New("customer not in the cache yet"))

// Config tunes the sender.
type Config struct {
	// RetryMin and RetryMax bound the backoff between attempts.
	RetryMin, RetryMax time.Duration
	// Poll is the fallback wake-up of the sender when nothing notifies it.
	Poll time.Duration
	Log  *slog.Logger
	// Now is the clock (time.Now by default).
	Now func() time.Time
}

// App is the notifications application service.
type App struct {
	customers Customers
	store     Store
	provider  Provider
	cfg       Config
}

// New returns the application over its ports; cfg needs its durations.
func New(customers Customers, store Store, provider Provider, cfg Config) *App {
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Now().UTC() }
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &App{customers: customers, store: store, provider: provider, cfg: cfg}
}
