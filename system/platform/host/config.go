package host

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// DefaultConsumerWorkers is how many messages a consumer handles side by
// side unless configured otherwise: enough to overlap the Postgres and NATS
// round trips of independent orders, few enough to keep connections low.
const DefaultConsumerWorkers = 8

// Config configures a host process.
type Config struct {
	NatsURL     string
	PostgresDSN string
	HTTPAddr    string
	Peers       Peers
	Logger      *slog.Logger
	// MaxDeliver bounds consumer deliveries before dead-lettering.
	MaxDeliver int
	// ConsumerWorkers is how many messages of different ordering keys each
	// consumer handles side by side (bus.ConsumerSpec.Workers).
	ConsumerWorkers int
	// StreamReplicas is how many servers of a NATS cluster hold the domain
	// stream (default 1; 3 on a three-node cluster).
	StreamReplicas int
	// OutboxPoll is the relay's fallback poll interval.
	OutboxPoll time.Duration
	// DependencyWait bounds how long New waits for NATS and Postgres to
	// answer at start (0: one attempt each, fail at once).
	DependencyWait time.Duration
	// Profiling serves Go's pprof profiles under /debug/pprof/.
	Profiling bool
	// Chaos makes the host obey fault requests on ChaosSubject (bin/e2e
	// chaos); never on in production.
	Chaos bool
	// ShutdownGrace bounds how long in-flight HTTP requests may take at stop.
	ShutdownGrace time.Duration
}

func (c *Config) setDefaults() {
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.MaxDeliver == 0 {
		c.MaxDeliver = 5
	}
	if c.ConsumerWorkers == 0 {
		c.ConsumerWorkers = DefaultConsumerWorkers
	}
	if c.OutboxPoll == 0 {
		c.OutboxPoll = 2 * time.Second
	}
	if c.ShutdownGrace == 0 {
		c.ShutdownGrace = 10 * time.Second
	}
	if c.Peers == nil {
		c.Peers = Peers{}
	}
}

// Validate reports every configuration problem at once.
func (c Config) Validate(modules []Module) error {
	var errs []error
	if c.NatsURL == "" {
		errs = append(errs, errors.New("nats url is required (--nats-url or MALLBOTS_NATS_URL)"))
	}
	if c.PostgresDSN == "" {
		errs = append(errs, errors.New("postgres dsn is required (--postgres-dsn or MALLBOTS_POSTGRES_DSN)"))
	}
	if c.HTTPAddr == "" {
		errs = append(errs, errors.New("http address is required (--http-addr or MALLBOTS_HTTP_ADDR)"))
	}
	if c.StreamReplicas < 0 || c.StreamReplicas > 5 {
		errs = append(errs, fmt.Errorf("stream replicas must be 1 to 5, got %d", c.StreamReplicas))
	}
	if c.ConsumerWorkers < 1 {
		errs = append(errs, fmt.Errorf("consumer workers must be at least 1, got %d", c.ConsumerWorkers))
	}
	if len(modules) == 0 {
		errs = append(errs, errors.New("no context to run"))
	}
	seen := map[string]bool{}
	for _, m := range modules {
		if seen[m.Name()] {
			errs = append(errs, fmt.Errorf("context %s listed twice", m.Name()))
		}
		seen[m.Name()] = true
	}
	return errors.Join(errs...)
}
