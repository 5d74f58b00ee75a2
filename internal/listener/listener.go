// Package listener opens a service's HTTP listener: on an address, or on a
// listening socket inherited from the parent process ("fd:3"), which the
// local runtime binds itself and hands over so that no other process can
// take the port between its choice and the child's bind.
package listener

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

// inheritedPrefix marks a listen address that names a listening socket the
// process inherited, "fd:3": a parent (the test harness) that bound the
// port itself hands it over, so that no other process can take the port
// between the parent's choice and the child's bind.
const inheritedPrefix = "fd:"

// Listen listens on addr ("host:port"), or takes over the inherited
// listening socket addr names ("fd:N", N >= 3).
func Listen(addr string) (net.Listener, error) {
	fdText, inherited := strings.CutPrefix(addr, inheritedPrefix)
	if !inherited {
		return net.Listen("tcp", addr)
	}
	fd, err := strconv.Atoi(fdText)
	if err != nil || fd < 3 {
		return nil, fmt.Errorf("listen %s: want fd:N with N a file descriptor from 3 up", addr)
	}
	f := os.NewFile(uintptr(fd), "inherited listener")
	defer f.Close() // FileListener works on a duplicate
	ln, err := net.FileListener(f)
	if err != nil {
		return nil, fmt.Errorf("listen %s: not an inherited listening socket: %w", addr, err)
	}
	return ln, nil
}
