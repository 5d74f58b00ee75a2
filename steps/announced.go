package steps

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/world"
)

// announced awaits the stores event that carries state, what the command
// of a change step answered, for the store or product id: the change is
// done once the mall can hear of it. A step that acts on another context's
// copy of stores' data (adding to a basket) then waits until that copy has
// applied it, which it can only do for an event the tap has seen.
func announced[T comparable](ctx context.Context, s *world.Scenario, id string, state T) error {
	_, err := s.AwaitMessage(ctx, 0, fmt.Sprintf("the stores event announcing %+v", state), func(r tap.Record) bool {
		var got T
		return r.Envelope.AggregateID == id && json.Unmarshal(r.Envelope.Payload, &got) == nil && got == state
	})
	return err
}
