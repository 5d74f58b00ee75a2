package postgres

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgxlisten"
)

// Listen signals wake whenever an SMS request commits, and on every
// (re)connection, for requests committed while it was not listening. It
// returns when ctx ends. A full wake channel means a wake-up is already
// pending, so the signal is dropped.
func Listen(ctx context.Context, pool *pgxpool.Pool, wake chan<- struct{}, reconnect time.Duration, log *slog.Logger) {
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) {
			c, err := pool.Acquire(ctx)
			if err != nil {
				return nil, err
			}
			return c.Hijack(), nil
		},
		LogError:       func(_ context.Context, err error) { log.Debug("sms listen", "err", err) },
		ReconnectDelay: reconnect,
	}
	l.Handle(Channel, wakeHandler(func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}))
	_ = l.Listen(ctx)
}

type wakeHandler func()

func (w wakeHandler) HandleNotification(context.Context, *pgconn.Notification, *pgx.Conn) error {
	w()
	return nil
}

func (w wakeHandler) HandleBacklog(context.Context, string, *pgx.Conn) error {
	w()
	return nil
}
