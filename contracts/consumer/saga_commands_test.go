//go:build pact

package consumer

import (
	"context"
	"io/fs"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// sagaCommand is one command of the create-order saga a participant
// answers: the pact message goes through the participant's real commands
// router on a real database, after before set up what the handler needs
// through the context's own code; the handler must then have written a
// succeeded reply to its outbox (headers copied), and effect checks the
// rest of what it did.
type sagaCommand struct {
	participant string
	name        string
	subject     string
	state       string
	payload     map[string]any
	migrations  fs.FS
	router      func(pool *pgxpool.Pool) *inbox.Router
	before      func(t *testing.T, ctx context.Context, pool *pgxpool.Pool)
	effect      func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, reply command.Reply)
}

// sagaCommandDescription names a saga command in the pacts.
func sagaCommandDescription(name string) string { return "a " + name + " command" }

func (c sagaCommand) verify(t *testing.T) {
	t.Helper()
	b := messagePact(t, c.participant, cosecapi.Context+pactkit.Messages).AddAsynchronousMessage()
	if c.state != "" {
		b = b.Given(c.state)
	}
	err := b.ExpectsToReceive(sagaCommandDescription(c.name)).
		WithMetadata(pactkit.Metadata(c.subject)).
		WithJSONContent(pactkit.Command(c.name, c.subject, cosecapi.ReplySubject, c.payload)).
		ConsumedBy(func(m message.AsynchronousMessage) error {
			env := pactkit.Decode(t, m.Contents)
			require.Equal(t, c.subject, env.Subject)
			return c.consume(t, env)
		}).
		Verify(t)
	require.NoError(t, err)
}

// consume runs before, the command and the checks on an empty database.
func (c sagaCommand) consume(t *testing.T, env msg.Envelope) error {
	pool := pactkit.Pool(t, c.participant, c.migrations)
	ctx := msg.WithMeta(ctx(t), msg.Meta{})
	if c.before != nil {
		c.before(t, ctx, pool)
	}
	if err := pactkit.Handle(ctx, pool, c.router(pool), env); err != nil {
		return err
	}
	reply := sagaReplied(t, ctx, pool, c.name, command.Succeeded)
	c.effect(t, ctx, pool, reply)
	return nil
}

// sagaOrderIDPayload is the payload of the commands that name only the
// saga's order.
func sagaOrderIDPayload() map[string]any {
	return map[string]any{"orderId": pactkit.ID(pactkit.ExampleID)}
}

// sagaListItems matches the order lines of CreateShoppingList.
func sagaListItems() matchers.Matcher {
	return matchers.EachLike(map[string]any{
		"productId":   pactkit.ID(sagaProductID),
		"productName": matchers.Like(sagaProductName),
		"storeId":     pactkit.ID(sagaStoreID),
		"quantity":    matchers.Integer(2),
	}, 1)
}

// sagaRejectionReason is the example of why a saga rejects its order.
const sagaRejectionReason = "AuthorizeCustomer failed: customer " + sagaCustomerID + " is disabled"
