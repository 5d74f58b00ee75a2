package freeport

import (
	"fmt"
	"net"
	"testing"
)

// TestAReservedPortIsOutsideTheEphemeralRangeAndStaysTaken: outgoing
// connections take their local ports from the ephemeral range, so a port
// picked there could be taken before a service binds it; and a reserved
// port stays bound (for the child it is handed to) until released.
func TestAReservedPortIsOutsideTheEphemeralRangeAndStaysTaken(t *testing.T) {
	low := ephemeralLow()
	for range 20 {
		ln, port, err := Reserve()
		if err != nil {
			t.Fatal(err)
		}
		if port < lowestPort || port >= low {
			t.Fatalf("port %d outside [%d, %d)", port, lowestPort, low)
		}
		if other, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			other.Close()
			t.Fatalf("port %d could be bound again while reserved", port)
		}
		ln.Close()
	}
}
