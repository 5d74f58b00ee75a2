package listener_test

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/listener"
)

// TestAnInheritedSocketIsServedOn: "fd:N" takes over the listening socket
// at descriptor N, on the port its parent bound.
func TestAnInheritedSocketIsServedOn(t *testing.T) {
	parent, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer parent.Close()
	f, err := parent.(*net.TCPListener).File()
	require.NoError(t, err)
	defer f.Close()

	ln, err := listener.Listen(fmt.Sprintf("fd:%d", f.Fd()))
	require.NoError(t, err)
	defer ln.Close()
	assert.Equal(t, parent.Addr().String(), ln.Addr().String())
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTeapot) }))
	parent.Close() // only the inherited copy is left to answer
	resp, err := http.Get("http://" + ln.Addr().String())
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusTeapot, resp.StatusCode)
}

// TestWhatIsNotAnInheritedListenerIsRefused: a malformed fd, one of the
// standard streams, and a file that is no socket each get a clear error.
func TestWhatIsNotAnInheritedListenerIsRefused(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "plain"))
	require.NoError(t, err)
	defer file.Close()
	for addr, want := range map[string]string{
		"fd:x":                          "want fd:N with N a file descriptor from 3 up",
		"fd:1":                          "want fd:N with N a file descriptor from 3 up",
		fmt.Sprintf("fd:%d", file.Fd()): "not an inherited listening socket",
	} {
		_, err := listener.Listen(addr)
		require.Error(t, err, addr)
		assert.Contains(t, err.Error(), want, addr)
	}
}

// TestAnAddressIsListenedOn: anything else is a TCP address.
func TestAnAddressIsListenedOn(t *testing.T) {
	ln, err := listener.Listen("127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	assert.Equal(t, "tcp", ln.Addr().Network())
}
