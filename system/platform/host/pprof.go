package host

import (
	"net/http"
	"net/http/pprof"
)

// routeProfiling serves Go's profiles under /debug/pprof/ when the host was
// started with profiling on (--pprof): CPU, heap, goroutines, mutex and
// block profiles, readable with `go tool pprof URL/debug/pprof/profile`.
// Off by default, since profiles reveal internals.
func (h *Host) routeProfiling() {
	if !h.cfg.Profiling {
		return
	}
	h.mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	h.mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	h.mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	h.mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	h.mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	h.mux.Handle("GET /debug/pprof/{profile}", http.HandlerFunc(pprof.Index))
}
