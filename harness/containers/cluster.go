package containers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/system/platform/bus"
)

var _ runtime.BrokerNodes = (*Env)(nil)

const (
	// clusterName names the NATS cluster of a run (its routes' handshake).
	clusterName = "mallbots"
	// routePort is where each NATS node listens for the others, inside the
	// run's network only.
	routePort = 6222
	// electionWait bounds how long a node change waits for the cluster to
	// settle (the stream led, every replica current).
	electionWait = 30 * time.Second
)

// natsNodes names the run's NATS servers, which are also their network
// aliases and their server names: "nats" alone, or nats-1 to nats-N for
// the cluster topology.
func (e *Env) natsNodes() []string {
	if !e.topo.Clustered() {
		return []string{natsAlias}
	}
	names := make([]string, e.topo.NATSNodes)
	for i := range names {
		names[i] = fmt.Sprintf("%s-%d", natsAlias, i+1)
	}
	return names
}

// natsArgs are the arguments of node's nats-server: JetStream storing in
// /data, and on a cluster the node's name and its routes to the others.
func (e *Env) natsArgs(node string) []string {
	args := []string{"-js", "-sd", "/data"}
	if !e.topo.Clustered() {
		return args
	}
	var routes []string
	for _, other := range e.natsNodes() {
		if other != node {
			routes = append(routes, fmt.Sprintf("nats://%s:%d", other, routePort))
		}
	}
	return append(args, "--server_name", node, "--cluster_name", clusterName,
		"--cluster", fmt.Sprintf("nats://0.0.0.0:%d", routePort), "--routes", strings.Join(routes, ","))
}

// natsURLs is every node's address inside the run's network, as the
// services are given it.
func (e *Env) natsURLs() string {
	var urls []string
	for _, node := range e.natsNodes() {
		urls = append(urls, "nats://"+node+":4222")
	}
	return strings.Join(urls, ",")
}

// streamReplicas is how many nodes hold the domain stream.
func (e *Env) streamReplicas() int { return max(e.topo.NATSNodes, 1) }

// prepareStream creates the domain stream on a cluster before the services
// start (nine services creating one replicated stream at once overran their
// start deadline on the local runtime) and waits until it is led. A lone
// server has nothing to prepare: each service creates the stream.
func (e *Env) prepareStream(ctx context.Context) error {
	if !e.topo.Clustered() {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, electionWait)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		// Until the nodes have elected a meta leader, JetStream answers
		// "temporarily unavailable": asked again on the next tick.
		err := e.createStream(ctx)
		if err == nil {
			return e.awaitStream(ctx)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("create the stream on the NATS cluster: %w", err)
		case <-tick.C:
		}
	}
}

func (e *Env) createStream(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	b, err := bus.Connect(cctx, e.endpoints.NATS, "harness")
	if err != nil {
		return err
	}
	defer b.Close()
	return b.EnsureStreamReplicas(cctx, e.streamReplicas())
}

// StopBrokerNode stops the NATS node of role (docker stop, as a graceful
// shutdown): the domain stream's leader, or a node holding a replica.
func (e *Env) StopBrokerNode(ctx context.Context, role string) (string, error) {
	if !e.topo.Clustered() {
		return "", errors.New("NATS runs as one server here: use the cluster topology")
	}
	if role != runtime.NodeLeader && role != runtime.NodeFollower {
		return "", fmt.Errorf("node role %q: want %s or %s", role, runtime.NodeLeader, runtime.NodeFollower)
	}
	info, err := e.streamCluster(ctx)
	if err != nil {
		return "", err
	}
	name := info.Leader
	if role == runtime.NodeFollower {
		if len(info.Replicas) == 0 {
			return "", fmt.Errorf("stream %s has no replica besides its leader %s", bus.StreamName, info.Leader)
		}
		name = info.Replicas[0].Name
	}
	c, err := e.container(name)
	if err != nil {
		return "", err
	}
	grace := stopGrace
	if err := c.Stop(ctx, &grace); err != nil {
		return "", fmt.Errorf("stop %s: %w", name, err)
	}
	return name, nil
}

// StartBrokerNode starts a stopped NATS node again, with its store, and
// waits until the stream is led and every replica is current.
func (e *Env) StartBrokerNode(ctx context.Context, name string) error {
	if !slices.Contains(e.natsNodes(), name) || !e.topo.Clustered() {
		return fmt.Errorf("no NATS node %q in this cluster", name)
	}
	if err := e.startNATSAgain(ctx, name); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, electionWait)
	defer cancel()
	return e.awaitStream(ctx)
}

// startNATSAgain starts a node's stopped container (a running one is left
// alone).
func (e *Env) startNATSAgain(ctx context.Context, name string) error {
	c, err := e.container(name)
	if err != nil {
		return err
	}
	if running(ctx, c) {
		return nil
	}
	// The container's log wait would pass on the first start's line:
	// readiness is checked afterwards with a real client instead.
	if err := c.Start(ctx); err != nil {
		return fmt.Errorf("start %s again: %w", name, err)
	}
	return nil
}

// eachNATSNode runs f on every node at once.
func (e *Env) eachNATSNode(ctx context.Context, f func(ctx context.Context, node string) error) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, node := range e.natsNodes() {
		g.Go(func() error { return f(gctx, node) })
	}
	return g.Wait()
}

// awaitStream waits, on a cluster, until the domain stream has a leader and
// every other node holds a current replica: until then a stopped node's
// return is not over. A lone server has nothing to wait for.
func (e *Env) awaitStream(ctx context.Context) error {
	if !e.topo.Clustered() {
		return nil
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		info, err := e.streamCluster(ctx)
		if err == nil {
			if err = settled(info, e.topo.NATSNodes); err == nil {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the NATS cluster did not settle: %w", err)
		case <-tick.C:
		}
	}
}

// settled says what keeps a stream of nodes replicas from being settled.
func settled(info *jetstream.ClusterInfo, nodes int) error {
	if info.Leader == "" {
		return fmt.Errorf("stream %s has no leader", bus.StreamName)
	}
	current := 0
	for _, r := range info.Replicas {
		if r.Current && !r.Offline {
			current++
		}
	}
	if current != nodes-1 {
		return fmt.Errorf("stream %s: %d of %d replicas besides the leader %s are current", bus.StreamName, current, nodes-1, info.Leader)
	}
	return nil
}

// streamCluster asks the cluster where the domain stream lives.
func (e *Env) streamCluster(ctx context.Context) (*jetstream.ClusterInfo, error) {
	nc, err := nats.Connect(e.endpoints.NATS, nats.Timeout(time.Second), nats.NoReconnect())
	if err != nil {
		return nil, err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	s, err := js.Stream(sctx, bus.StreamName)
	if err != nil {
		return nil, err
	}
	info := s.CachedInfo()
	if info.Cluster == nil {
		return nil, fmt.Errorf("stream %s: no cluster information", bus.StreamName)
	}
	return info.Cluster, nil
}
