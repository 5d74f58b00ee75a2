package local

import (
	"fmt"
	"net"
	"testing"
)

// TestFreePortIsOutsideTheEphemeralRange: outgoing connections take their
// local ports from the ephemeral range, so a port picked there could be
// taken before a service binds it.
func TestFreePortIsOutsideTheEphemeralRange(t *testing.T) {
	low := ephemeralLow()
	for range 20 {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		if port < lowestPort || port >= low {
			t.Fatalf("port %d outside [%d, %d)", port, lowestPort, low)
		}
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			t.Fatalf("port %d not free: %v", port, err)
		}
		ln.Close()
	}
}
