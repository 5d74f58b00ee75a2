package outbox

import (
	"context"
	"fmt"

	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Add writes envelopes to the outbox within q's transaction. Each row is
// ordered by the envelope's aggregate id, or by its own id when it has none.
// The outbox's trigger wakes the schema's relays when the transaction
// commits (LISTEN/NOTIFY on channel outbox_<schema>).
func Add(ctx context.Context, q pg.Querier, envs ...msg.Envelope) error {
	for _, env := range envs {
		data, err := msg.Marshal(env)
		if err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		key := env.AggregateID
		if key == "" {
			key = env.ID
		}
		_, err = q.Exec(ctx,
			`INSERT INTO outbox (message_id, subject, ordering_key, data) VALUES ($1, $2, $3, $4)`,
			env.ID, env.Subject, key, data)
		if err != nil {
			return fmt.Errorf("outbox: insert %s: %w", env.Name, err)
		}
	}
	return nil
}
