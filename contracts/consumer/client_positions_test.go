//go:build pact

package consumer

import (
	"context"
	"net/http"
	"testing"

	"github.com/pact-foundation/pact-go/v2/matchers"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/system/platform/position"
	"github.com/mallbots/mallbots/system/search/searchapi"
)

// TestClientPositions: how far each consumer of a read model has got in
// the domain stream (package position), the caught-up signal the harness
// awaits before it reads a read model: search's, baskets' and
// notifications' here; every context with consumers serves the same
// document.
func TestClientPositions(t *testing.T) {
	for _, read := range []struct{ context, consumer string }{
		{searchapi.Context, "search-ordering"},
		{basketsapi.Context, "baskets-stores"},
		{notificationsapi.Context, "notifications-customers"},
	} {
		body := map[string]any{"positions": matchers.EachLike(map[string]any{
			"consumer": matchers.Like(read.consumer), "streamSequence": matchers.Integer(12)}, 1)}
		want := position.Positions{Positions: []position.Position{{Consumer: read.consumer, StreamSequence: 12}}}
		sdkVerify(t, read.context, []sdkCall{
			{desc: "a request for the positions of the consumers of " + read.context, method: http.MethodGet,
				path: position.Path(read.context), status: http.StatusOK, answer: body, want: want,
				call: func(ctx context.Context, c *client.Client) (any, error) {
					return sdkOut(c.Positions(ctx, read.context))
				}},
		})
	}
}
