package containers

import (
	"errors"
	"io"
	"os"
	"time"
)

type options struct {
	stepTimeout  time.Duration
	readyTimeout time.Duration
	progress     io.Writer
	images       ImageConfig
	root         string
}

// Option configures the containers runtime.
type Option func(*options) error

// WithSagaStepTimeout sets the create-order saga's per-step deadline.
func WithSagaStepTimeout(d time.Duration) Option {
	return func(o *options) error {
		if d < 0 {
			return errors.New("saga step timeout must not be negative")
		}
		o.stepTimeout = d
		return nil
	}
}

// WithReadyTimeout bounds how long each container may take to pass its
// wait strategy (default 60 s).
func WithReadyTimeout(d time.Duration) Option {
	return func(o *options) error {
		if d <= 0 {
			return errors.New("ready timeout must be positive")
		}
		o.readyTimeout = d
		return nil
	}
}

// WithProgress reports image builds and sweeps to w (default, or nil:
// nowhere).
func WithProgress(w io.Writer) Option {
	return func(o *options) error {
		if w == nil {
			w = io.Discard
		}
		o.progress = w
		return nil
	}
}

// WithImages chooses the images instead of the environment's
// MALLBOTS_*_IMAGE variables.
func WithImages(c ImageConfig) Option {
	return func(o *options) error {
		o.images = c
		return nil
	}
}

// WithModuleRoot builds the system's image from the module at dir instead
// of the one above the working directory.
func WithModuleRoot(dir string) Option {
	return func(o *options) error {
		if _, err := os.Stat(dir); err != nil {
			return err
		}
		o.root = dir
		return nil
	}
}

func newOptions(opts []Option) (options, error) {
	o := options{readyTimeout: 60 * time.Second, progress: io.Discard, images: ImageConfigFromEnv()}
	var errs []error
	for _, opt := range opts {
		errs = append(errs, opt(&o))
	}
	return o, errors.Join(errs...)
}
