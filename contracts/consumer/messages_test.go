//go:build pact

package consumer

import (
	"context"
	"io/fs"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Provider states of the message producers (see contracts/provider).
const (
	StateStore    = "a store exists"
	StateProduct  = "a product exists"
	StateCustomer = "a customer exists"
)

// edge is one message a consumer expects from a producer: the pact
// message is fed through the consumer's real inbox router (typed decoding,
// inbox record and handler in one transaction on a real database), then
// effect checks what the handler did.
type edge struct {
	consumer, provider string
	name, subject      string
	state              string
	aggregateID        string
	payload            map[string]any
	context            string
	migrations         fs.FS
	router             func(pool *pgxpool.Pool) *inbox.Router
	effect             func(t *testing.T, ctx context.Context, pool *pgxpool.Pool)
}

// description names the message in the pact; the provider maps it to the
// domain command that produces it.
func description(name string) string { return "a " + name + " event" }

func (e edge) verify(t *testing.T) {
	t.Helper()
	b := messagePact(t, e.consumer, e.provider+pactkit.Messages).AddAsynchronousMessage()
	if e.state != "" {
		b = b.Given(e.state)
	}
	err := b.ExpectsToReceive(description(e.name)).
		WithMetadata(pactkit.Metadata(e.subject)).
		WithJSONContent(pactkit.Envelope(e.name, e.subject, e.aggregateID, e.payload)).
		ConsumedBy(func(m message.AsynchronousMessage) error {
			env := pactkit.Decode(t, m.Contents)
			require.Equal(t, e.subject, env.Subject)
			pool := pactkit.Pool(t, e.context, e.migrations)
			c := msg.WithMeta(ctx(t), msg.Meta{})
			if err := pactkit.Handle(c, pool, e.router(pool), env); err != nil {
				return err
			}
			e.effect(t, c, pool)
			return nil
		}).
		Verify(t)
	require.NoError(t, err)
}

// cached asserts that query (one row, one text column) answers want.
func cached(t *testing.T, ctx context.Context, pool *pgxpool.Pool, query string, id, want string) {
	t.Helper()
	var got string
	require.NoError(t, pool.QueryRow(ctx, query, id).Scan(&got), "the handler left no trace: %s", query)
	require.Equal(t, want, got)
}
