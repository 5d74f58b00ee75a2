package runtime

import "context"

// Database shutdown modes of Faults.StopDatabase.
const (
	// ShutdownFast ends every session and checkpoints (an operator's restart).
	ShutdownFast = "fast"
	// ShutdownImmediate stops at once without a checkpoint (a crash).
	ShutdownImmediate = "immediate"
)

// Faults are the fault injections a chaos run needs, beyond Controls. The
// local and containers runtimes offer them; a remote environment does not.
type Faults interface {
	Controls
	// KillService ends a service at once, as a crash would (SIGKILL).
	KillService(ctx context.Context, service string) error
	// StopDatabase shuts Postgres down in mode (ShutdownFast or
	// ShutdownImmediate), keeping its data.
	StopDatabase(ctx context.Context, mode string) error
	// StartDatabase brings Postgres back on the same address.
	StartDatabase(ctx context.Context) error
	// DatabaseURL connects the harness to the system's database (one
	// database, a schema per context), to count what the system stored.
	DatabaseURL() string
}

// BrokerPauser is offered by runtimes that can freeze the broker without
// stopping it (containers: docker pause), so that connections hang rather
// than close.
type BrokerPauser interface {
	PauseBroker(ctx context.Context) error
	ResumeBroker(ctx context.Context) error
}

// Broker node roles of BrokerNodes.StopBrokerNode.
const (
	// NodeLeader is the node leading the domain stream.
	NodeLeader = "leader"
	// NodeFollower is a node holding a replica of the stream, not leading it.
	NodeFollower = "follower"
)

// BrokerNodes is offered by runtimes that run NATS as a cluster: one node
// can be stopped while the others carry on.
type BrokerNodes interface {
	// StopBrokerNode stops the node of role (NodeLeader or NodeFollower)
	// and returns its name.
	StopBrokerNode(ctx context.Context, role string) (string, error)
	// StartBrokerNode starts a stopped node again and waits until it
	// follows the cluster.
	StartBrokerNode(ctx context.Context, node string) error
}
