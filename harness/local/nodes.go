package local

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/system/platform/bus"
)

var _ runtime.BrokerNodes = (*Env)(nil)

// electionWait bounds how long a node change waits for the cluster to
// settle (a stream leader, every node current).
const electionWait = 30 * time.Second

// StopBrokerNode stops the cluster node of role: the domain stream's
// leader, or a node that holds a replica without leading it.
func (e *Env) StopBrokerNode(_ context.Context, role string) (string, error) {
	if e.cluster == nil {
		return "", errors.New("NATS runs as one server here: use the cluster topology")
	}
	leader, err := e.cluster.StreamLeader(bus.StreamName, electionWait)
	if err != nil {
		return "", err
	}
	name := leader
	if role == runtime.NodeFollower {
		for _, n := range e.cluster.Nodes() {
			if n.Name() != leader {
				name = n.Name()
				break
			}
		}
	} else if role != runtime.NodeLeader {
		return "", fmt.Errorf("node role %q: want %s or %s", role, runtime.NodeLeader, runtime.NodeFollower)
	}
	node, err := e.cluster.Node(name)
	if err != nil {
		return "", err
	}
	node.Shutdown()
	return name, nil
}

// StartBrokerNode starts a stopped node again with its store and waits
// until every node follows the cluster's leader.
func (e *Env) StartBrokerNode(_ context.Context, name string) error {
	if e.cluster == nil {
		return errors.New("NATS runs as one server here: use the cluster topology")
	}
	node, err := e.cluster.Node(name)
	if err != nil {
		return err
	}
	if err := node.Restart(); err != nil {
		return err
	}
	return e.awaitStream()
}

// awaitStream waits, on a cluster, until every node follows the meta
// leader and the domain stream has a leader: until then publishes and
// consumers stall. A lone server has nothing to wait for.
func (e *Env) awaitStream() error {
	if e.cluster == nil {
		return nil
	}
	if err := e.cluster.AwaitCurrent(electionWait); err != nil {
		return err
	}
	_, err := e.cluster.StreamLeader(bus.StreamName, electionWait)
	return err
}
