// Package rest is the cosec context's HTTP API: a saga's state, for
// diagnosis.
package rest

import (
	"context"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// Queries reads sagas.
type Queries interface {
	Saga(ctx context.Context, orderID string) (cosecapi.Saga, error)
}

// Register mounts the cosec API on mux.
func Register(mux *httpx.Mux, q Queries) {
	mux.Handle("GET /api/sagas/{orderId}", httpx.Handle(httpx.ByID("orderId", q.Saga)))
}
