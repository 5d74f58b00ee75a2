package local

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"time"
)

// lowestPort is where freePort starts looking.
const lowestPort = 10000

// reservePort binds a free loopback port below the kernel's ephemeral
// range and keeps it bound: the harness hands the listener to the child
// that serves on it (process.listen), so that nothing can take the port in
// between. A port the kernel hands out for ":0" comes from the ephemeral
// range, where every outgoing connection takes its local port; a child
// started again after a fault binds its port anew, and below the range
// only another harness's pick could take it meanwhile (picks start at
// random places).
func reservePort() (*net.TCPListener, int, error) {
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

var healthClient = &http.Client{Timeout: time.Second}

func healthy(ctx context.Context, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false
	}
	resp, err := healthClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
