package outbox

import (
	"context"

	"github.com/mallbots/mallbots/system/platform/bus"
)

// ViaBus returns a Publisher that publishes through b, pipelined
// (bus.PublishAll).
func ViaBus(b *bus.Bus) Publisher { return busPublisher{b} }

type busPublisher struct{ bus *bus.Bus }

func (p busPublisher) PublishBatch(ctx context.Context, msgs []Message) (int, error) {
	out := make([]bus.Outgoing, len(msgs))
	for i, m := range msgs {
		out[i] = bus.Outgoing{Subject: m.Subject, MsgID: m.ID, Data: m.Data}
	}
	return p.bus.PublishAll(ctx, out)
}
