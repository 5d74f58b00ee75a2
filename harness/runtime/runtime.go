// Package runtime is the interface every harness runtime implements (local
// processes, containers, a remote environment): bring a topology up, hand
// out its endpoints and controls, and tear everything down.
package runtime

import (
	"context"
	"time"

	"github.com/mallbots/mallbots/harness/topology"
)

// Endpoints are the addresses a run talks to.
type Endpoints struct {
	// Contexts maps a bounded context to the base URL of its REST API.
	Contexts map[string]string
	// Services maps a service to its base URL.
	Services map[string]string
	// NATS is the broker URL the event tap subscribes with.
	NATS string
	// SMSProvider is the base URL of the SMS provider stand-in.
	SMSProvider string
}

// Environment is a running system.
type Environment interface {
	// Endpoints returns where everything is.
	Endpoints() Endpoints
	// Logs returns the last lines a service (or "nats", "postgres",
	// "smsprovider") wrote.
	Logs(service string, lines int) []string
	// StartupTime is how long Up took.
	StartupTime() time.Duration
	// Close stops and removes everything the runtime started.
	Close(ctx context.Context) error
}

// Controls are the fault controls a runtime may offer.
type Controls interface {
	StopService(ctx context.Context, service string) error
	StartService(ctx context.Context, service string) error
	StopBroker(ctx context.Context) error
	StartBroker(ctx context.Context) error
}

// Runtime brings a topology up.
type Runtime interface {
	Name() string
	Up(ctx context.Context, topo topology.Topology) (Environment, error)
}
