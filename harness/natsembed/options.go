package natsembed

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/nats-io/nats-server/v2/server"
)

// Option configures Start.
type Option func(*options) error

type options struct {
	storeDir string
	port     int
	logger   server.Logger
	name     string
	cluster  server.ClusterOpts
	routes   []*url.URL
}

// WithStoreDir sets the JetStream store folder. It is created if needed and
// never removed by Close. By default Start creates a temporary folder and
// Close removes it.
func WithStoreDir(dir string) Option {
	return func(o *options) error {
		if dir == "" {
			return errors.New("store dir is empty")
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return fmt.Errorf("store dir: %w", err)
		}
		o.storeDir = abs
		return nil
	}
}

// WithPort sets the client port on 127.0.0.1. By default the kernel picks
// a free port at the first start, and Restart keeps it.
func WithPort(port int) Option {
	return func(o *options) error {
		if port < 1 || port > 65535 {
			return fmt.Errorf("port %d out of range 1-65535", port)
		}
		o.port = port
		return nil
	}
}

// WithLogger sends the server's log to l (notices, warnings and errors;
// no debug or trace). By default the server logs nothing. Fatal messages
// are passed to l.Errorf and returned by Start or Restart: they never end
// the process.
func WithLogger(l server.Logger) Option {
	return func(o *options) error {
		if l == nil {
			return errors.New("logger is nil")
		}
		o.logger = l
		return nil
	}
}

func newOptions(opts []Option) (*options, error) {
	o := &options{}
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
