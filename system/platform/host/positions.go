package host

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/position"
)

// servePositions serves GET position.Path(context) for a context with
// consumers: the position of each, read from JetStream at each request
// (see package position).
func (m *Mount) servePositions(context string) {
	if len(m.consumers) == 0 {
		return
	}
	consumers := make([]string, len(m.consumers))
	for i, c := range m.consumers {
		consumers[i] = c.router.Consumer()
	}
	js := m.Bus.JetStream()
	m.Mux.Handle("GET "+position.Path(context), httpx.Handle(func(w http.ResponseWriter, r *http.Request) error {
		p, err := Positions(r.Context(), js, consumers...)
		if err != nil {
			return err
		}
		return httpx.JSON(w, http.StatusOK, p)
	}))
}

// Positions reads the position of each durable consumer of the domain
// stream: its ack floor, 0 for a consumer not created yet.
func Positions(ctx context.Context, js jetstream.JetStream, consumers ...string) (position.Positions, error) {
	p := position.Positions{Positions: make([]position.Position, 0, len(consumers))}
	for _, name := range consumers {
		at, err := ackFloor(ctx, js, name)
		if err != nil {
			return position.Positions{}, err
		}
		p.Positions = append(p.Positions, position.Position{Consumer: name, StreamSequence: at})
	}
	return p, nil
}

func ackFloor(ctx context.Context, js jetstream.JetStream, consumer string) (uint64, error) {
	c, err := js.Consumer(ctx, bus.StreamName, consumer)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("position of %s: %w", consumer, err)
	}
	return c.CachedInfo().AckFloor.Stream, nil // js.Consumer has just read it
}
