package outbox

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgxlisten"

	"github.com/mallbots/mallbots/system/platform/pg"
)

// Publisher sends one message and returns once the broker stored it.
type Publisher interface {
	PublishRaw(ctx context.Context, subject, msgID string, data []byte) error
}

// Relay publishes a schema's outbox rows.
type Relay struct {
	pool    *pgxpool.Pool
	pub     Publisher
	channel string
	opts    options
}

// NewRelay returns a relay for the outbox in schema.
func NewRelay(pool *pgxpool.Pool, pub Publisher, schema string, opts ...Option) (*Relay, error) {
	o, err := newOptions(opts)
	if err != nil {
		return nil, fmt.Errorf("outbox relay: %w", err)
	}
	return &Relay{pool: pool, pub: pub, channel: "outbox_" + schema, opts: o}, nil
}

// Run publishes until ctx ends. It drains the outbox whenever a commit
// notifies it, when the fallback poll interval elapses, and at start.
func (r *Relay) Run(ctx context.Context) error {
	wake := make(chan struct{}, 1)
	go r.listen(ctx, wake)
	retry := r.opts.retryMin
	for {
		wait := r.opts.poll
		if err := r.drain(ctx); err != nil && ctx.Err() == nil {
			r.opts.log.Warn("outbox relay: publish failed, will retry", "err", err, "in", retry)
			wait, retry = retry, min(retry*2, r.opts.retryMax)
		} else {
			retry = r.opts.retryMin
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case <-wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

func (r *Relay) listen(ctx context.Context, wake chan<- struct{}) {
	signal := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) {
			c, err := r.pool.Acquire(ctx)
			if err != nil {
				return nil, err
			}
			return c.Hijack(), nil
		},
		LogError:       func(_ context.Context, err error) { r.opts.log.Debug("outbox listen", "err", err) },
		ReconnectDelay: r.opts.retryMax,
	}
	l.Handle(r.channel, wakeHandler(signal))
	_ = l.Listen(ctx)
}

// wakeHandler also wakes on (re)connect, for commits missed while not listening.
type wakeHandler func()

func (w wakeHandler) HandleNotification(context.Context, *pgconn.Notification, *pgx.Conn) error {
	w()
	return nil
}

func (w wakeHandler) HandleBacklog(context.Context, string, *pgx.Conn) error {
	w()
	return nil
}

// drain publishes batches until the outbox is empty or publishing fails.
func (r *Relay) drain(ctx context.Context) error {
	for {
		n, err := r.publishBatch(ctx)
		if err != nil || n == 0 {
			return err
		}
	}
}

// publishBatch publishes one claimed batch in order, stopping at the first
// failure, and marks published exactly the rows JetStream acknowledged.
func (r *Relay) publishBatch(ctx context.Context) (int, error) {
	var published []int64
	var pubErr error
	err := pg.InTx(ctx, r.pool, func(tx pgx.Tx) error {
		batch, err := claim(ctx, tx, r.opts.batch)
		if err != nil {
			return err
		}
		for _, row := range batch {
			if pubErr = r.publish(ctx, row); pubErr != nil {
				break
			}
			published = append(published, row.seq)
		}
		return markPublished(ctx, tx, published)
	})
	if err != nil {
		return 0, err
	}
	return len(published), pubErr
}

func (r *Relay) publish(ctx context.Context, row row) error {
	ctx, cancel := context.WithTimeout(ctx, r.opts.publishTimeout)
	defer cancel()
	if err := r.pub.PublishRaw(ctx, row.subject, row.id, row.data); err != nil {
		return fmt.Errorf("publish %s: %w", row.subject, err)
	}
	return nil
}

func markPublished(ctx context.Context, tx pgx.Tx, seqs []int64) error {
	if len(seqs) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `UPDATE outbox SET published_at = now() WHERE seq = ANY($1)`, seqs)
	if err != nil {
		return fmt.Errorf("mark published: %w", err)
	}
	return nil
}
