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

// Message is one outbox row to publish.
type Message struct {
	Subject string
	ID      string
	Data    []byte
}

// Publisher sends messages in order and returns how many leading ones the
// broker stored, and the first failure.
type Publisher interface {
	PublishBatch(ctx context.Context, msgs []Message) (int, error)
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

// drain publishes batches until one is published whole and short of the
// batch size (the outbox held no more rows then, and a row committed since
// wakes the relay again, so no empty claim is needed to find out), or until
// one publishes nothing.
func (r *Relay) drain(ctx context.Context) error {
	for {
		claimed, published, err := r.publishBatch(ctx)
		if err != nil || published == 0 || (claimed < r.opts.batch && published == claimed) {
			return err
		}
	}
}

// publishBatch publishes one claimed batch in order and marks published
// exactly the leading rows JetStream acknowledged. It
// returns how many rows the claim saw and how many it published.
func (r *Relay) publishBatch(ctx context.Context) (claimed, sent int, err error) {
	var published []int64
	var pubErr error
	err = pg.InTx(ctx, r.pool, func(tx pgx.Tx) error {
		batch, seen, err := claim(ctx, tx, r.opts.batch)
		if err != nil {
			return err
		}
		claimed = seen
		var n int
		n, pubErr = r.publish(ctx, batch)
		for _, row := range batch[:n] {
			published = append(published, row.seq)
		}
		return markPublished(ctx, tx, published)
	})
	if err != nil {
		return 0, 0, err
	}
	return claimed, len(published), pubErr
}

// publish sends the batch in order without waiting for each ack in turn,
// and returns how many leading rows JetStream stored.
func (r *Relay) publish(ctx context.Context, batch []row) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, r.opts.publishTimeout)
	defer cancel()
	msgs := make([]Message, len(batch))
	for i, row := range batch {
		msgs[i] = Message{Subject: row.subject, ID: row.id, Data: row.data}
	}
	return r.pub.PublishBatch(ctx, msgs)
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
