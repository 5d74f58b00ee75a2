package containers

import (
	"context"
	"fmt"
	"net"
	"net/netip"

	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/api/types/network"
	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"

	"github.com/mallbots/mallbots/harness/freeport"
)

// pickPorts picks n distinct host ports (freeport.Reserve: below the
// kernel's ephemeral range, where Docker picks ports for itself, each pick
// held until all are made), none published by a container the engine
// knows: without a userland proxy, Docker publishes a port with firewall
// rules, not a bind, which a bind test cannot see.
func (e *Engine) pickPorts(ctx context.Context, n int) ([]int, error) {
	published, err := e.publishedPorts(ctx)
	if err != nil {
		return nil, err
	}
	var ports []int
	var held []net.Listener
	defer func() {
		for _, ln := range held {
			ln.Close()
		}
	}()
	for len(ports) < n {
		ln, port, err := freeport.Reserve()
		if err != nil {
			return nil, err
		}
		held = append(held, ln)
		if !published[port] {
			ports = append(ports, port)
		}
	}
	return ports, nil
}

// publishedPorts are the host ports of every container, running or not (a
// stopped one takes its ports back when it starts again).
func (e *Engine) publishedPorts(ctx context.Context) (map[int]bool, error) {
	list, err := e.cli.ContainerList(ctx, client.ContainerListOptions{All: true})
	if err != nil {
		return nil, fmt.Errorf("list containers for their ports: %w", err)
	}
	ports := map[int]bool{}
	for _, c := range list.Items {
		for _, p := range c.Ports {
			ports[int(p.PublicPort)] = true
		}
	}
	return ports, nil
}

// bindPort publishes the container's port on 127.0.0.1:host. A fixed host
// port, unlike an ephemeral one, survives a stop and start of the
// container, so endpoints stay right through fault scenarios (the event
// tap reconnects to the same broker URL).
func bindPort(port string, host int) testcontainers.CustomizeRequestOption {
	return testcontainers.WithHostConfigModifier(func(hc *container.HostConfig) {
		if hc.PortBindings == nil {
			hc.PortBindings = network.PortMap{}
		}
		hc.PortBindings[network.MustParsePort(port)] = []network.PortBinding{
			{HostIP: netip.MustParseAddr("127.0.0.1"), HostPort: fmt.Sprint(host)},
		}
	})
}
