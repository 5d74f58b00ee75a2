// Package freeport picks free loopback ports for the harness's services,
// below the kernel's ephemeral range: every outgoing connection and every
// port Docker picks for itself come from that range, so a port picked
// there could be taken before the service binds it.
package freeport

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
)

// lowestPort is where Reserve starts looking.
const lowestPort = 10000

// Reserve binds a free loopback port below the kernel's ephemeral range
// and keeps it bound until the caller closes the listener: the local
// runtime hands it to the child that serves on it, so that nothing can
// take the port in between; the containers runtime holds every pick of a
// run until all are made, so that they differ. Below the range, only
// another harness's pick could take a port once it is released (picks
// start at random places).
func Reserve() (*net.TCPListener, int, error) {
	high := ephemeralLow()
	start := lowestPort + rand.IntN(high-lowestPort)
	for i := range high - lowestPort {
		port := lowestPort + (start-lowestPort+i)%(high-lowestPort)
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			return ln.(*net.TCPListener), port, nil
		}
	}
	return nil, 0, fmt.Errorf("find a free port: none free in %d-%d", lowestPort, high-1)
}

// ephemeralLow is the first port of the kernel's ephemeral range (Linux's
// default, 32768, where it cannot be read).
func ephemeralLow() int {
	data, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 32768
	}
	var low, high int
	if _, err := fmt.Sscan(string(data), &low, &high); err != nil || low <= lowestPort+1000 {
		return 32768
	}
	return low
}
