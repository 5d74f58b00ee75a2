package local

import (
	"errors"
	"io"
	"time"
)

type options struct {
	binaries     Binaries
	readyTimeout time.Duration
	stepTimeout  time.Duration
	logSink      io.Writer
	progress     io.Writer
	tempDir      string
}

// Option configures the local runtime.
type Option func(*options) error

// WithBinaries uses prebuilt binaries instead of building them.
func WithBinaries(b Binaries) Option {
	return func(o *options) error {
		if b.Mallbots == "" || b.SMSProvider == "" {
			return errors.New("both binaries are required")
		}
		o.binaries = b
		return nil
	}
}

// WithReadyTimeout bounds how long services may take to become healthy.
func WithReadyTimeout(d time.Duration) Option {
	return func(o *options) error {
		o.readyTimeout = d
		return nil
	}
}

// WithSagaStepTimeout sets the create-order saga's per-step deadline.
func WithSagaStepTimeout(d time.Duration) Option {
	return func(o *options) error {
		o.stepTimeout = d
		return nil
	}
}

// WithLogSink also copies every service's log lines to w.
func WithLogSink(w io.Writer) Option {
	return func(o *options) error {
		o.logSink = w
		return nil
	}
}

// WithProgress writes what the runtime does besides starting the system
// (such as sweeping what killed runs left) to w.
func WithProgress(w io.Writer) Option {
	return func(o *options) error {
		o.progress = w
		return nil
	}
}

func newOptions(opts []Option) (options, error) {
	o := options{readyTimeout: 30 * time.Second, tempDir: preferredTempDir()}
	var errs []error
	for _, opt := range opts {
		errs = append(errs, opt(&o))
	}
	return o, errors.Join(errs...)
}
