package load

import (
	"context"
	"net/http"
	"time"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// A bot or a paying customer facing a service that is down (restarting
// under a chaos fault, say) tries again, as the real ones would, instead
// of giving the order up: the order is still the system's to finish.
const (
	persistFor   = 30 * time.Second
	persistEvery = 100 * time.Millisecond
)

// unavailable says whether err means the service could not answer (no
// connection, a connection lost, 502/503/504): the request may or may not
// have been applied, and trying again later is the remedy.
func unavailable(err error) bool {
	switch client.StatusOf(err) {
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	case 0:
		return apperr.IsUnavailable(err)
	}
	return false
}

// persist runs action until it succeeds, fails for another reason than
// unavailable, ctx ends or persistFor has passed. lost is true when an
// earlier try failed as unavailable: its request may have been applied
// even though its answer was lost.
func persist(ctx context.Context, action func(ctx context.Context, lost bool) error) error {
	deadline := time.Now().Add(persistFor)
	tick := time.NewTicker(persistEvery)
	defer tick.Stop()
	lost := false
	for {
		err := action(ctx, lost)
		if !unavailable(err) || time.Now().After(deadline) {
			return err
		}
		lost = true
		select {
		case <-ctx.Done():
			return err
		case <-tick.C: // pacing between tries of a client, not a wait for a condition
		}
	}
}
