// Package remotetest gives tests a stand-in system for the remote runtime:
// a broker holding the system's stream, for the event tap, and one HTTP
// server behind every context. The harness's own tests run features
// against it in a fraction of a second, with answers they choose.
package remotetest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/system/platform/bus"
)

// StandIn starts the stand-in and returns its endpoints as
// MALLBOTS_REMOTE_ENDPOINTS takes them. Every context is served by h,
// except GET /healthz, which answers 200 for the runtime's health check.
// Everything stops in tb's cleanup.
func StandIn(tb testing.TB, h http.Handler) string {
	tb.Helper()
	nats := natsembed.StartTB(tb)
	b, err := bus.Connect(tb.Context(), nats.URL(), "remotetest")
	if err != nil {
		tb.Fatalf("remotetest: %v", err)
	}
	tb.Cleanup(b.Close)
	if err := b.EnsureStream(tb.Context()); err != nil {
		tb.Fatalf("remotetest: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(http.ResponseWriter, *http.Request) {})
	mux.Handle("/", h)
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return "nats=" + nats.URL() + ",*=" + srv.URL
}
