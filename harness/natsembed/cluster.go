package natsembed

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// clusterName names every cluster StartCluster makes.
const clusterName = "mallbots"

// Cluster is n embedded NATS servers routed to each other, with JetStream
// clustered over them: a stream of three replicas survives the loss of
// any one node, its leader included.
type Cluster struct {
	nodes []*Server
}

// StartCluster starts n servers on 127.0.0.1, each with its own store
// folder and a cluster port, routed to every other, and waits until each
// accepts clients. opts apply to every node (WithLogger); a store folder or
// port is chosen per node.
func StartCluster(n int, opts ...Option) (*Cluster, error) {
	if n < 2 {
		return nil, fmt.Errorf("start nats cluster: want at least 2 nodes, got %d", n)
	}
	routePorts, err := freePorts(n)
	if err != nil {
		return nil, fmt.Errorf("start nats cluster: %w", err)
	}
	var routes []*url.URL
	for _, p := range routePorts {
		routes = append(routes, &url.URL{Scheme: "nats", Host: net.JoinHostPort(host, strconv.Itoa(p))})
	}
	c := &Cluster{nodes: make([]*Server, n)}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			node := append(opts[:len(opts):len(opts)], func(o *options) error {
				o.name = fmt.Sprintf("nats-%d", i+1)
				o.cluster = server.ClusterOpts{Name: clusterName, Host: host, Port: routePorts[i]}
				o.routes = routes
				return nil
			})
			c.nodes[i], errs[i] = Start(node...)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		c.Close()
		return nil, fmt.Errorf("start nats cluster: %w", err)
	}
	if err := c.AwaitCurrent(readyTimeout); err != nil {
		c.Close()
		return nil, fmt.Errorf("start nats cluster: %w", err)
	}
	return c, nil
}

// AwaitCurrent waits until JetStream has a meta leader and every running
// node is current with it: before that, JetStream requests go unanswered.
func (c *Cluster) AwaitCurrent(timeout time.Duration) error {
	return c.poll(timeout, "the cluster has no JetStream leader that every node follows", func() bool {
		leader := false
		for _, n := range c.nodes {
			n.mu.Lock()
			srv := n.srv
			n.mu.Unlock()
			if srv == nil {
				continue
			}
			if !srv.JetStreamIsCurrent() {
				return false
			}
			leader = leader || srv.JetStreamIsLeader()
		}
		return leader
	})
}

// poll checks cond every 20 ms until it holds or timeout passes: the
// servers' cluster state has no event to wait on.
func (c *Cluster) poll(timeout time.Duration, what string, cond func() bool) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline.C:
			return fmt.Errorf("%s after %s", what, timeout)
		case <-tick.C:
		}
	}
	return nil
}

// freePorts asks the kernel for n distinct free ports on 127.0.0.1.
func freePorts(n int) ([]int, error) {
	var ports []int
	for range n {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			return nil, err
		}
		defer ln.Close()
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// URL lists every node's client URL, comma-separated, as NATS clients
// accept it: a client connects to one and fails over to the others.
func (c *Cluster) URL() string {
	urls := make([]string, len(c.nodes))
	for i, n := range c.nodes {
		urls[i] = n.URL()
	}
	return strings.Join(urls, ",")
}

// Nodes are the cluster's servers, nats-1 first.
func (c *Cluster) Nodes() []*Server { return c.nodes }

// Node returns the node called name (nats-1, nats-2, ...).
func (c *Cluster) Node(name string) (*Server, error) {
	for _, n := range c.nodes {
		if n.name == name {
			return n, nil
		}
	}
	return nil, fmt.Errorf("no nats node %q in the cluster", name)
}

// Name is the server's name (nats-1 ... in a cluster).
func (s *Server) Name() string { return s.name }

// StreamLeader names the node leading stream (of the default account),
// waiting up to timeout for the cluster to have elected one.
func (c *Cluster) StreamLeader(stream string, timeout time.Duration) (string, error) {
	var leader string
	err := c.poll(timeout, "no node leads stream "+stream, func() bool {
		for _, n := range c.nodes {
			if n.isStreamLeader(stream) {
				leader = n.name
				return true
			}
		}
		return false
	})
	return leader, err
}

func (s *Server) isStreamLeader(stream string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.srv != nil && s.srv.JetStreamIsStreamLeader(server.DEFAULT_GLOBAL_ACCOUNT, stream)
}

// Shutdown stops every node, keeping their stores for Restart.
func (c *Cluster) Shutdown() {
	for _, n := range c.nodes {
		n.Shutdown()
	}
}

// Restart starts every node again, on the same ports with the same stores.
func (c *Cluster) Restart() error {
	errs := make([]error, len(c.nodes))
	var wg sync.WaitGroup
	for i, n := range c.nodes {
		wg.Go(func() { errs[i] = n.Restart() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Close stops every node and removes the store folders Start created.
func (c *Cluster) Close() {
	for _, n := range c.nodes {
		if n != nil {
			n.Close()
		}
	}
}
