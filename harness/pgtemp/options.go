package pgtemp

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
)

// Option configures Start.
type Option func(*options) error

type options struct {
	logWriter io.Writer
	cacheDir  string
	tempDir   string
}

// WithLogWriter copies the server log (postgres' stdout and stderr) to w.
// By default the log is discarded; the last lines are always kept in memory
// and included in error messages.
func WithLogWriter(w io.Writer) Option {
	return func(o *options) error {
		if w == nil {
			return errors.New("log writer is nil")
		}
		o.logWriter = w
		return nil
	}
}

// WithCacheDir sets the folder in which the initialised template cluster is
// cached, as <dir>/pgtemplate-<major>. The default folder is
// os.UserCacheDir()/mallbots. When the folder is not writable, a private
// folder under os.TempDir() is used instead.
func WithCacheDir(dir string) Option {
	return func(o *options) error {
		if dir == "" {
			return errors.New("cache dir is empty")
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return fmt.Errorf("cache dir: %w", err)
		}
		o.cacheDir = abs
		return nil
	}
}

// WithTempDir sets the folder in which each server's temporary folder is
// created (default: os.TempDir()). A tmpfs such as /dev/shm makes Start
// much faster where creating files on disk is slow. When running as root,
// the user nobody must be able to enter every folder on the path.
func WithTempDir(dir string) Option {
	return func(o *options) error {
		if dir == "" {
			return errors.New("temp dir is empty")
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return fmt.Errorf("temp dir: %w", err)
		}
		o.tempDir = abs
		return nil
	}
}

func newOptions(opts []Option) (*options, error) {
	o := &options{logWriter: io.Discard}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(o); err != nil {
			return nil, fmt.Errorf("option: %w", err)
		}
	}
	return o, nil
}
