// Package notifications is the notifications bounded context: it keeps a
// cache of customers from customers' events and texts customers about
// their orders (created, ready, cancelled, completed) through an external
// SMS provider. Each SMS has an idempotency key derived from its order and
// kind and lives in a micro event store, so that a redelivered or
// republished order event, a provider that fails, or one that drops its
// answer still gives the customer exactly one SMS.
package notifications

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/mallbots/mallbots/system/notifications/adapters/consumers"
	"github.com/mallbots/mallbots/system/notifications/adapters/postgres"
	"github.com/mallbots/mallbots/system/notifications/adapters/provider"
	"github.com/mallbots/mallbots/system/notifications/adapters/rest"
	"github.com/mallbots/mallbots/system/notifications/app"
	"github.com/mallbots/mallbots/system/notifications/migrations"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/platform/host"
)

// Defaults of Module's zero fields.
const (
	DefaultRetryMin    = time.Second
	DefaultRetryMax    = 2 * time.Minute
	DefaultSendTimeout = 10 * time.Second
	// SenderPoll is the sender's fallback wake-up: requests notify it at
	// commit, so the poll only covers a notification lost in a reconnect.
	SenderPoll = 5 * time.Second
	// listenReconnect is the pause before the sender's LISTEN connection
	// is made again after it broke.
	listenReconnect = time.Second
)

// Module is the notifications context. Zero fields take the defaults.
type Module struct {
	// RetryMin and RetryMax bound the backoff between attempts at an SMS
	// while the provider fails: RetryMin, doubling up to RetryMax.
	RetryMin, RetryMax time.Duration
	// SendTimeout bounds one call to the provider; a send that times out
	// has an unknown outcome, and the provider is asked before the next.
	SendTimeout time.Duration
}

// Name returns "notifications".
func (Module) Name() string { return notificationsapi.Context }

// Migrations returns the cache, micro event store and queue tables.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API, the consumers of customers' and ordering's
// events, and the SMS sender.
func (mod Module) Mount(_ context.Context, m *host.Mount) error {
	mod.setDefaults()
	if err := mod.validate(); err != nil {
		return err
	}
	url := m.Peers.URL(notificationsapi.SMSProviderPeer)
	if url == "" {
		return errors.New("the smsprovider peer URL is required (--peers smsprovider=http://...)")
	}
	a := app.New(postgres.NewCustomers(), postgres.NewSMSStore(m.Pool), provider.New(url, mod.SendTimeout),
		app.Config{RetryMin: mod.RetryMin, RetryMax: mod.RetryMax, Poll: SenderPoll, Log: m.Log})
	rest.Register(m.Mux, a)
	m.Consume(consumers.Customers(a))
	m.Consume(consumers.Ordering(a))
	m.Go(func(ctx context.Context) error {
		wake := make(chan struct{}, 1)
		listening := make(chan struct{})
		go func() {
			defer close(listening)
			postgres.Listen(ctx, m.Pool, wake, listenReconnect, m.Log)
		}()
		defer func() { <-listening }()
		return a.RunSender(ctx, wake)
	})
	return nil
}

func (mod *Module) setDefaults() {
	if mod.RetryMin == 0 {
		mod.RetryMin = DefaultRetryMin
	}
	if mod.RetryMax == 0 {
		mod.RetryMax = max(DefaultRetryMax, mod.RetryMin)
	}
	if mod.SendTimeout == 0 {
		mod.SendTimeout = DefaultSendTimeout
	}
}

func (mod Module) validate() error {
	var errs []error
	if mod.RetryMin < 0 || mod.RetryMax < 0 || mod.SendTimeout < 0 {
		errs = append(errs, errors.New("retry bounds and send timeout must not be negative"))
	}
	if mod.RetryMin > mod.RetryMax {
		errs = append(errs, fmt.Errorf("retry min %s exceeds retry max %s", mod.RetryMin, mod.RetryMax))
	}
	return errors.Join(errs...)
}
