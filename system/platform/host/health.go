package host

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

func (h *Host) routeHealth() {
	h.mux.Handle("GET /healthz", httpx.Handle(func(w http.ResponseWriter, _ *http.Request) error {
		return httpx.JSON(w, http.StatusOK, map[string]any{"status": "ok", "contexts": h.names()})
	}))
	h.mux.Handle("GET /readyz", http.HandlerFunc(h.readyz))
}

func (h *Host) readyz(w http.ResponseWriter, r *http.Request) {
	if err := h.checkReady(r.Context()); err != nil {
		httpx.WriteProblem(w, r, httpx.NewProblem(http.StatusServiceUnavailable,
			httpx.ProblemBase+"not-ready", err.Error()))
		return
	}
	_ = httpx.JSON(w, http.StatusOK, map[string]any{"status": "ready", "contexts": h.names()})
}

func (h *Host) checkReady(ctx context.Context) error {
	if !h.ready.Load() {
		return errNotReady
	}
	if !h.bus.Connected() {
		return fmt.Errorf("%w: nats disconnected", errNotReady)
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	for _, p := range h.pools {
		if err := p.Ping(ctx); err != nil {
			return fmt.Errorf("%w: postgres: %v", errNotReady, err)
		}
	}
	return nil
}
