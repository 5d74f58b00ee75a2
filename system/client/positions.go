package client

import (
	"context"
	"net/http"

	"github.com/mallbots/mallbots/system/platform/position"
)

// Positions reads how far each durable consumer of a read model's context
// (search, baskets, notifications) has got in the domain stream: a reader
// that waits for a position of S or more then reads the effect of the
// message at stream sequence S (see package position).
func (c *Client) Positions(ctx context.Context, context string) (out position.Positions, err error) {
	return out, c.Do(ctx, context, http.MethodGet, position.Path(context), nil, &out)
}
