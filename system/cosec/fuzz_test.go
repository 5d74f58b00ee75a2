package cosec_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// FuzzSagaID reads the saga of arbitrary order ids: whatever the id, the
// answer is the saga (200) or a not-found problem, never a server failure.
// The seeds run in every go test; go test -fuzz=FuzzSagaID explores further.
func FuzzSagaID(f *testing.F) {
	m := startCosec(f, 0)
	o := newOrder()
	m.createOrder(f, o, "checkout-"+msg.NewID())
	// A saga exists once its AuthorizeCustomer went out; reading the stream
	// is the wait, so the known seed is a saga that exists.
	systest.ReadWire(f, m.env.NATS.URL(), "mallbots.customers.commands.>").Next(f)

	for _, seed := range []string{
		o.ID, msg.NewID(), "", " ", "no-such-order", "a\x00b", "\x01", "\xff\xfe", "..", ".", "a/b", "a/../b",
		"%00", "?x=1", "#frag", "商品-🛒", strings.Repeat("x", 201), strings.Repeat("y", 10000),
		"' OR 1=1 --", `"}{`, "\u202e", "\r\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		// Each input gets its own deadline: a fuzzing run outlives any
		// deadline shared across inputs.
		ctx, cancel := context.WithTimeout(context.Background(), waitFor)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.env.URL+"/api/sagas/"+url.PathEscape(id), nil)
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Less(t, resp.StatusCode, 500, "id %q", id)
		if id == o.ID {
			require.Equal(t, http.StatusOK, resp.StatusCode)
		}
		if resp.StatusCode >= 400 {
			require.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"), "id %q", id)
		}
	})
}
