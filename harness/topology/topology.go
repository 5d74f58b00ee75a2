// Package topology describes the system the harness brings up: which
// services run, which bounded contexts each one hosts, and the
// infrastructure around them (NATS with JetStream, one Postgres, the SMS
// provider stand-in). Runtimes turn a Topology into running processes or
// containers; the description itself says nothing about how.
package topology

import (
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/system/contexts"
)

// Contexts are the bounded contexts the mallbots binary runs, in start order.
var Contexts = contexts.Names()

// SMSProvider names the SMS provider stand-in, a peer of notifications.
const SMSProvider = "smsprovider"

// Service is one process (or container) of the system binary.
type Service struct {
	Name     string
	Contexts []string
	// Health is the readiness path answered 200 once the service works.
	Health string
}

// Topology is the system under test.
type Topology struct {
	Name     string
	Services []Service
	// NATSNodes is how many NATS servers run as one cluster (0 or 1: a
	// lone server); with 3, the domain stream has three replicas and every
	// service is given every node's address.
	NATSNodes int
}

// Cluster runs the microservices on a three-node NATS cluster.
func Cluster() Topology {
	t := Microservices()
	t.Name, t.NATSNodes = "cluster", 3
	return t
}

// Clustered reports whether NATS runs as a cluster.
func (t Topology) Clustered() bool { return t.NATSNodes > 1 }

// Microservices runs each context in its own service, named after it.
func Microservices() Topology {
	t := Topology{Name: "microservices"}
	for _, c := range Contexts {
		t.Services = append(t.Services, Service{Name: c, Contexts: []string{c}, Health: "/readyz"})
	}
	return t
}

// Monolith runs every context in one service named mallbots.
func Monolith() Topology {
	return Topology{Name: "monolith", Services: []Service{
		{Name: "mallbots", Contexts: slices.Clone(Contexts), Health: "/readyz"},
	}}
}

// ByName returns the topology called name: microservices, monolith or
// cluster.
func ByName(name string) (Topology, error) {
	switch name {
	case "", "microservices":
		return Microservices(), nil
	case "monolith":
		return Monolith(), nil
	case "cluster":
		return Cluster(), nil
	}
	return Topology{}, fmt.Errorf("unknown topology %q (want microservices, monolith or cluster)", name)
}

// ServiceOf returns the service hosting context.
func (t Topology) ServiceOf(context string) (Service, bool) {
	for _, s := range t.Services {
		if slices.Contains(s.Contexts, context) {
			return s, true
		}
	}
	return Service{}, false
}

// Service returns the service called name.
func (t Topology) Service(name string) (Service, bool) {
	i := slices.IndexFunc(t.Services, func(s Service) bool { return s.Name == name })
	if i < 0 {
		return Service{}, false
	}
	return t.Services[i], true
}
