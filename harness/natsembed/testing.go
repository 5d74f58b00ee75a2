package natsembed

import "testing"

// StartTB starts a server for a test and closes it in the test's Cleanup.
// It fails the test if the server cannot start.
func StartTB(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := Start(opts...)
	tb.Cleanup(func() {
		if s != nil {
			s.Close()
		}
	})
	if err != nil {
		tb.Fatalf("natsembed: %v", err)
	}
	return s
}
