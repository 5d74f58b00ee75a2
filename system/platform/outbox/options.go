package outbox

import (
	"errors"
	"log/slog"
	"time"
)

type options struct {
	batch          int
	poll           time.Duration
	retryMin       time.Duration
	retryMax       time.Duration
	publishTimeout time.Duration
	log            *slog.Logger
}

// Option configures a Relay.
type Option func(*options) error

// WithBatchSize sets how many rows one transaction claims.
func WithBatchSize(n int) Option {
	return func(o *options) error {
		if n < 1 {
			return errors.New("batch size must be positive")
		}
		o.batch = n
		return nil
	}
}

// WithPollInterval sets the fallback poll used when no notification arrives.
func WithPollInterval(d time.Duration) Option {
	return func(o *options) error {
		if d <= 0 {
			return errors.New("poll interval must be positive")
		}
		o.poll = d
		return nil
	}
}

// WithRetry sets the backoff between failed publish attempts.
func WithRetry(first, max time.Duration) Option {
	return func(o *options) error {
		if first <= 0 || max < first {
			return errors.New("retry backoff needs 0 < first <= max")
		}
		o.retryMin, o.retryMax = first, max
		return nil
	}
}

// WithLogger sets the relay's logger.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) error {
		o.log = l
		return nil
	}
}

func newOptions(opts []Option) (options, error) {
	o := options{
		batch: 100, poll: 2 * time.Second, retryMin: 50 * time.Millisecond,
		retryMax: 2 * time.Second, publishTimeout: 2 * time.Second, log: slog.Default(),
	}
	var errs []error
	for _, opt := range opts {
		errs = append(errs, opt(&o))
	}
	return o, errors.Join(errs...)
}
