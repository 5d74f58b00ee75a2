package host_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }

// gate stands in front of a server: while shut it accepts each connection
// and closes it at once (the server is "down"); once opened it forwards.
type gate struct {
	ln       net.Listener
	target   string
	mu       sync.Mutex
	open     bool
	refused  chan struct{} // one signal per refused connection
	refusals int
}

func newGate(t *testing.T, target string) *gate {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	g := &gate{ln: ln, target: target, refused: make(chan struct{}, 1)}
	t.Cleanup(func() { _ = ln.Close() })
	go g.serve()
	return g
}

func (g *gate) addr() string { return g.ln.Addr().String() }

func (g *gate) serve() {
	for {
		c, err := g.ln.Accept()
		if err != nil {
			return
		}
		g.mu.Lock()
		open := g.open
		g.mu.Unlock()
		if !open {
			_ = c.Close()
			select {
			case g.refused <- struct{}{}:
			default:
			}
			continue
		}
		go forward(c, g.target)
	}
}

func forward(c net.Conn, target string) {
	defer c.Close()
	s, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer s.Close()
	go func() { _, _ = io.Copy(s, c) }()
	_, _ = io.Copy(c, s)
}

// openAfterRefusal opens the gate once the host was refused at least once.
func (g *gate) openAfterRefusal(t *testing.T) {
	select {
	case <-g.refused:
	case <-time.After(20 * time.Second):
		t.Errorf("no connection attempt reached the gate to %s", g.target)
	}
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
}

// TestNewWaitsForItsDependencies: a host started before NATS and Postgres
// answer waits for them (DependencyWait) and then starts normally.
func TestNewWaitsForItsDependencies(t *testing.T) {
	n := systest.NATS(t)
	dsn, err := url.Parse(systest.Database(t))
	require.NoError(t, err)
	natsGate := newGate(t, n.URL()[len("nats://"):])
	pgGate := newGate(t, dsn.Host)
	dsn.Host = pgGate.addr()
	done := make(chan error, 1)
	go func() {
		h, err := host.New(t.Context(), host.Config{NatsURL: "nats://" + natsGate.addr(), PostgresDSN: dsn.String(),
			HTTPAddr: "127.0.0.1:0", Logger: systest.Logger(), DependencyWait: 30 * time.Second}, stores.Module{})
		if err == nil { // stop it: Run with an ended context closes what New opened
			stopped, stop := context.WithCancel(context.Background())
			stop()
			err = h.Run(stopped)
		}
		done <- err
	}()
	natsGate.openAfterRefusal(t)
	pgGate.openAfterRefusal(t)
	require.NoError(t, <-done)
}

// TestNewNamesTheDependencyThatNeverAnswered: when the wait runs out the
// error says which dependency did not answer and for how long it waited.
func TestNewNamesTheDependencyThatNeverAnswered(t *testing.T) {
	n := systest.NATS(t)
	pgGate := newGate(t, "127.0.0.1:1")
	_, err := host.New(context.Background(), host.Config{NatsURL: n.URL(),
		PostgresDSN: "postgres://u:p@" + pgGate.addr() + "/x?sslmode=disable", HTTPAddr: "127.0.0.1:0",
		Logger: systest.Logger(), DependencyWait: 300 * time.Millisecond}, stores.Module{})
	require.ErrorContains(t, err, "postgres does not answer (waited 300ms)")
}

// lockedBuffer is a log a host's goroutines may write to at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWaitingForDependenciesShowsNoPassword: what a host logs and returns
// while NATS or Postgres does not answer names them without their
// credentials.
func TestWaitingForDependenciesShowsNoPassword(t *testing.T) {
	n := systest.NATS(t)
	for _, tc := range []struct{ name, nats, postgres, want string }{
		{"nats", "nats://app:s3cret@" + newGate(t, n.URL()[len("nats://"):]).addr(), "postgres://u@127.0.0.1:1/x",
			"nats nats://app:REDACTED@"},
		{"postgres", n.URL(), "postgres://user:s3cret@" + newGate(t, "127.0.0.1:1").addr() + "/x?sslmode=disable",
			"postgres does not answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs lockedBuffer
			_, err := host.New(t.Context(), host.Config{NatsURL: tc.nats, PostgresDSN: tc.postgres, HTTPAddr: "127.0.0.1:0",
				Logger: slog.New(slog.NewTextHandler(&logs, nil)), DependencyWait: 300 * time.Millisecond}, stores.Module{})
			require.ErrorContains(t, err, tc.want)
			assert.NotContains(t, err.Error(), "s3cret")
			assert.Contains(t, logs.String(), "waiting for a dependency")
			assert.NotContains(t, logs.String(), "s3cret")
		})
	}
}
