package natsembed_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/natsembed"
)

const waitTimeout = 10 * time.Second

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// signal returns a channel and a function that notifies it without blocking.
func signal() (chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	return ch, func() {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(waitTimeout):
		t.Fatalf("timed out waiting for %s", what)
	}
}

func TestRestartKeepsStreamAndMessages(t *testing.T) {
	ctx := testContext(t)
	srv, err := natsembed.Start()
	require.NoError(t, err)
	defer srv.Close()
	url, dir := srv.URL(), srv.StoreDir()

	disconnected, onDisconnect := signal()
	reconnected, onReconnect := signal()
	nc, err := nats.Connect(url,
		nats.MaxReconnects(-1),
		nats.ReconnectWait(20*time.Millisecond),
		nats.DisconnectErrHandler(func(*nats.Conn, error) { onDisconnect() }),
		nats.ReconnectHandler(func(*nats.Conn) { onReconnect() }),
	)
	require.NoError(t, err)
	defer nc.Close()
	js, err := jetstream.New(nc)
	require.NoError(t, err)

	_, err = js.CreateStream(ctx, jetstream.StreamConfig{
		Name:     "ORDERS",
		Subjects: []string{"orders.>"},
		Storage:  jetstream.FileStorage,
	})
	require.NoError(t, err)
	ack, err := js.Publish(ctx, "orders.created", []byte("order-1"))
	require.NoError(t, err)
	require.Equal(t, uint64(1), ack.Sequence)

	srv.Shutdown()
	require.False(t, srv.Running())
	waitFor(t, disconnected, "the client to see the disconnect")
	require.DirExists(t, dir, "Shutdown keeps the store")
	srv.Shutdown() // no-op when down

	require.NoError(t, srv.Restart())
	require.True(t, srv.Running())
	require.Equal(t, url, srv.URL(), "Restart keeps the URL")
	waitFor(t, reconnected, "the client to reconnect")

	stream, err := js.Stream(ctx, "ORDERS")
	require.NoError(t, err)
	require.Equal(t, uint64(1), stream.CachedInfo().State.Msgs)
	msg, err := stream.GetMsg(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, "orders.created", msg.Subject)
	require.Equal(t, "order-1", string(msg.Data))

	nc.Close()
	srv.Close()
	require.NoDirExists(t, dir, "Close removes the store it created")
	srv.Close() // idempotent
	require.Error(t, srv.Restart(), "a closed server does not restart")
}

func TestCloseKeepsGivenStoreDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	srv := natsembed.StartTB(t, natsembed.WithStoreDir(dir))
	require.Equal(t, dir, srv.StoreDir())
	srv.Close()
	require.DirExists(t, dir)
	require.DirExists(t, filepath.Join(dir, "jetstream"))
}

func TestWithPort(t *testing.T) {
	port := freePort(t)
	srv := natsembed.StartTB(t, natsembed.WithPort(port))
	require.Equal(t, "nats://127.0.0.1:"+strconv.Itoa(port), srv.URL())
	nc, err := nats.Connect(srv.URL())
	require.NoError(t, err)
	nc.Close()
}

func TestStartFailsFastOnBusyPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()

	start := time.Now()
	_, err = natsembed.Start(natsembed.WithPort(l.Addr().(*net.TCPAddr).Port))
	require.ErrorContains(t, err, "start nats: Error listening on port")
	require.Less(t, time.Since(start), 5*time.Second)
}

func TestStartTBClosesInCleanup(t *testing.T) {
	var dir string
	t.Run("inner", func(t *testing.T) {
		dir = natsembed.StartTB(t).StoreDir()
		require.DirExists(t, dir)
	})
	_, err := os.Stat(dir)
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestWithLogger(t *testing.T) {
	logs := &recordingLogger{}
	natsembed.StartTB(t, natsembed.WithLogger(logs))
	require.Contains(t, logs.String(), "Server is ready")
}

type recordingLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *recordingLogger) record(format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, v...))
}

func (l *recordingLogger) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

func (l *recordingLogger) Noticef(format string, v ...any) { l.record(format, v...) }
func (l *recordingLogger) Warnf(format string, v ...any)   { l.record(format, v...) }
func (l *recordingLogger) Fatalf(format string, v ...any)  { l.record(format, v...) }
func (l *recordingLogger) Errorf(format string, v ...any)  { l.record(format, v...) }
func (l *recordingLogger) Debugf(format string, v ...any)  { l.record(format, v...) }
func (l *recordingLogger) Tracef(format string, v ...any)  { l.record(format, v...) }

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
