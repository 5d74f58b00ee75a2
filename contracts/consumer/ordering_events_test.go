//go:build pact

package consumer

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// The order of the ordering events' examples: its id is pactkit.ExampleID
// (the envelope's aggregate too), one line of two pencils at 2.50.
const (
	orderCustomerID = "0195f7a4-6b2c-7d3e-8f40-1234567890c1"
	orderPaymentID  = "0195f7a4-6b2c-7d3e-8f40-1234567890d1"
	orderProductID  = "0195f7a4-6b2c-7d3e-8f40-1234567890e1"
	orderStoreID    = "0195f7a4-6b2c-7d3e-8f40-1234567890f1"
	orderTotalCents = 500
)

// orderVersions is the aggregate version each ordering event has in an
// order's life (created, approved, then readied and completed; or
// rejected, or cancelled once approved): the pacts' examples.
var orderVersions = map[string]int{
	orderingapi.OrderCreated{}.EventName():   1,
	orderingapi.OrderApproved{}.EventName():  2,
	orderingapi.OrderRejected{}.EventName():  2,
	orderingapi.OrderReadied{}.EventName():   3,
	orderingapi.OrderCompleted{}.EventName(): 4,
	orderingapi.OrderCanceled{}.EventName():  3,
}

// exampleOrder is the examples' order in status, as ordering publishes it.
func exampleOrder(status orderingapi.Status) orderingapi.Order {
	return orderingapi.Order{ID: pactkit.ExampleID, BasketID: pactkit.ExampleID2, CustomerID: orderCustomerID,
		PaymentID: orderPaymentID, TotalCents: orderTotalCents, Status: status,
		Items: []orderingapi.Item{{ProductID: orderProductID, ProductName: "Pencil", StoreID: orderStoreID,
			StoreName: "Corner Shop", PriceCents: 250, Quantity: 2}}}
}

// exampleTime is the occurredAt of the pact messages' examples.
func exampleTime(t *testing.T) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, pactkit.ExampleTime)
	require.NoError(t, err)
	return at
}

// orderingEdge is one of ordering's events a consumer expects: the pact
// message goes through the consumer's real inbox router on a real
// database, after before (if any) set up what the handler needs (feed
// puts an earlier message through the same router), and effect checks
// what the handler did.
type orderingEdge struct {
	consumer   string
	name       string
	payload    map[string]any
	context    string
	migrations fs.FS
	router     func(pool *pgxpool.Pool) *inbox.Router
	before     func(t *testing.T, ctx context.Context, pool *pgxpool.Pool, feed func(msg.Envelope))
	effect     func(t *testing.T, ctx context.Context, pool *pgxpool.Pool)
}

func (e orderingEdge) verify(t *testing.T) {
	t.Helper()
	subject := orderingapi.Subject(e.name)
	content := pactkit.Envelope(e.name, subject, pactkit.ExampleID, e.payload)
	content["aggregateVersion"] = matchers.Integer(orderVersions[e.name])
	err := messagePact(t, e.consumer, orderingapi.Context+pactkit.Messages).AddAsynchronousMessage().
		ExpectsToReceive(description(e.name)).
		WithMetadata(pactkit.Metadata(subject)).
		WithJSONContent(content).
		ConsumedBy(func(m message.AsynchronousMessage) error {
			env := pactkit.Decode(t, m.Contents)
			require.Equal(t, subject, env.Subject)
			return e.consume(t, env)
		}).
		Verify(t)
	require.NoError(t, err)
}

// consume runs before, the message and effect on an empty database.
func (e orderingEdge) consume(t *testing.T, env msg.Envelope) error {
	pool := pactkit.Pool(t, e.context, e.migrations)
	c := msg.WithMeta(ctx(t), msg.Meta{})
	router := e.router(pool)
	if e.before != nil {
		e.before(t, c, pool, func(prior msg.Envelope) {
			require.NoError(t, pactkit.Handle(c, pool, router, prior), "the earlier %s", prior.Name)
		})
	}
	if err := pactkit.Handle(c, pool, router, env); err != nil {
		return err
	}
	e.effect(t, c, pool)
	return nil
}

// earlierEvent returns the envelope of an earlier event of the examples'
// order (payload is the event), at its version in the order's life.
func earlierEvent(t *testing.T, ctx context.Context, name string, payload any, at time.Time) msg.Envelope {
	t.Helper()
	env, err := msg.New(ctx, orderingapi.Subject(name), name, payload,
		msg.WithAggregate(pactkit.ExampleID, orderVersions[name]), msg.WithClock(at))
	require.NoError(t, err)
	return env
}

// outboxSubjects returns the subjects of the messages the consumer's
// handlers wrote to its outbox, oldest first.
func outboxSubjects(t *testing.T, ctx context.Context, pool *pgxpool.Pool) []string {
	t.Helper()
	rows, _ := pool.Query(ctx, `SELECT subject FROM outbox ORDER BY seq`)
	subjects, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	return subjects
}
