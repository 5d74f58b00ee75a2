package local

import (
	"bufio"
	"context"
	"encoding/hex"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/harness/topology"
)

// TestEverythingListensOnLoopbackOnly: the local runtime's endpoints are on
// 127.0.0.1, and so is every socket its processes, the embedded NATS server
// and the ephemeral Postgres listen on: nothing of a run is reachable from
// another machine.
func TestEverythingListensOnLoopbackOnly(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	env, err := New().up(ctx, topology.Microservices())
	if env != nil {
		t.Cleanup(func() { _ = env.Close(context.Background()) })
	}
	if err != nil {
		t.Fatal(err)
	}
	e := env.Endpoints()
	urls := map[string]string{"nats": e.NATS, "sms provider": e.SMSProvider}
	for name, u := range e.Services {
		urls["service "+name] = u
	}
	for name, u := range e.Contexts {
		urls["context "+name] = u
	}
	for name, raw := range urls {
		if u, err := url.Parse(raw); err != nil || u.Hostname() != "127.0.0.1" {
			t.Errorf("%s is at %q, not on 127.0.0.1", name, raw)
		}
	}

	sockets := listeningSockets(t)
	for name, p := range env.procs {
		checkLoopback(t, name, ownListeners(t, p.pid(), sockets), portOf(t, e.Services[name]))
	}
	checkLoopback(t, "postgres", ownListeners(t, env.pg.PID(), sockets), env.pg.Port())
	nats := env.nats.(*natsembed.Server)
	checkLoopback(t, "nats", onPort(sockets, nats.Port()), nats.Port())
}

// checkLoopback fails unless every socket is on 127.0.0.1 and one of them
// is on port.
func checkLoopback(t *testing.T, name string, sockets []socket, port int) {
	t.Helper()
	found := false
	for _, s := range sockets {
		if s.addr != netip.MustParseAddr("127.0.0.1") {
			t.Errorf("%s listens on %s", name, netip.AddrPortFrom(s.addr, uint16(s.port)))
		}
		found = found || s.port == port
	}
	if !found {
		t.Errorf("%s does not listen on 127.0.0.1:%d (listeners: %v)", name, port, sockets)
	}
}

// socket is a listening TCP socket of this machine.
type socket struct {
	addr  netip.Addr
	port  int
	inode string
}

func (s socket) String() string { return netip.AddrPortFrom(s.addr, uint16(s.port)).String() }

// listeningSockets reads every listening TCP socket, IPv4 and IPv6, from
// /proc/net.
func listeningSockets(t *testing.T) []socket {
	t.Helper()
	var out []socket
	for _, file := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Scan() // the header
		for sc.Scan() {
			// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
			fields := strings.Fields(sc.Text())
			if len(fields) < 10 || fields[3] != "0A" { // 0A: LISTEN
				continue
			}
			s, err := parseSocket(fields[1], fields[9])
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			out = append(out, s)
		}
		f.Close()
	}
	return out
}

// parseSocket reads an address such as 0100007F:1F90: the address's
// 32-bit words in host (little-endian) order, then the port.
func parseSocket(local, inode string) (socket, error) {
	hexAddr, hexPort, _ := strings.Cut(local, ":")
	raw, err := hex.DecodeString(hexAddr)
	if err != nil {
		return socket{}, err
	}
	for i := 0; i+4 <= len(raw); i += 4 {
		raw[i], raw[i+1], raw[i+2], raw[i+3] = raw[i+3], raw[i+2], raw[i+1], raw[i]
	}
	addr, ok := netip.AddrFromSlice(raw)
	if !ok {
		return socket{}, fmt.Errorf("address %q", local)
	}
	port, err := strconv.ParseInt(hexPort, 16, 32)
	if err != nil {
		return socket{}, err
	}
	return socket{addr: addr.Unmap(), port: int(port), inode: inode}, nil
}

// ownListeners are the listening sockets process pid holds open.
func ownListeners(t *testing.T, pid int, all []socket) []socket {
	t.Helper()
	fds, err := filepath.Glob(fmt.Sprintf("/proc/%d/fd/*", pid))
	if err != nil || len(fds) == 0 {
		t.Fatalf("no open files of process %d: %v", pid, err)
	}
	inodes := map[string]bool{}
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && strings.HasPrefix(target, "socket:[") {
			inodes[strings.TrimSuffix(strings.TrimPrefix(target, "socket:["), "]")] = true
		}
	}
	var out []socket
	for _, s := range all {
		if inodes[s.inode] {
			out = append(out, s)
		}
	}
	return out
}

func onPort(all []socket, port int) []socket {
	var out []socket
	for _, s := range all {
		if s.port == port {
			out = append(out, s)
		}
	}
	return out
}

func portOf(t *testing.T, rawURL string) int {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	_, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
