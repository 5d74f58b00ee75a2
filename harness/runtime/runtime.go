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

// Usage is one component's resource use at one moment.
type Usage struct {
	// Name is a service, "nats", "postgres" or "smsprovider".
	Name string
	// MemoryBytes is the proportional set size (PSS) of the component's
	// processes: its RSS, with pages shared between processes (Postgres's
	// shared buffers) divided among them instead of counted in each.
	MemoryBytes uint64
	// CPUSeconds is the user and system CPU time used since it started.
	CPUSeconds float64
}

// Meter is offered by environments that can read their components'
// resource use (the load mode samples it).
type Meter interface {
	Usage(ctx context.Context) ([]Usage, error)
}
