//go:build pact

package consumer

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pact-foundation/pact-go/v2/matchers"
	message "github.com/pact-foundation/pact-go/v2/message/v4"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	cosecpg "github.com/mallbots/mallbots/system/cosec/adapters/postgres"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	cosecmigrations "github.com/mallbots/mallbots/system/cosec/migrations"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// sagaOrderCreated is the name of the event that starts the saga.
var sagaOrderCreated = orderingapi.OrderCreated{}.EventName()

// sagaOrder is the saga's example order as OrderCreated carries it.
func sagaOrder() orderingapi.Order {
	return orderingapi.Order{ID: pactkit.ExampleID, BasketID: sagaBasketID, CustomerID: sagaCustomerID,
		PaymentID: sagaPaymentID, TotalCents: sagaTotalCents, Status: orderingapi.StatusPending,
		Items: []orderingapi.Item{{ProductID: sagaProductID, ProductName: sagaProductName, StoreID: sagaStoreID,
			StoreName: sagaStoreName, PriceCents: 250, Quantity: 2}}}
}

// sagaCosec is cosec on an empty database: its two routers over one
// application service, and the context of their calls.
type sagaCosec struct {
	t    *testing.T
	ctx  context.Context
	pool *pgxpool.Pool
	feed func(env msg.Envelope) error
}

// newSagaCosec returns cosec on an empty database; feed routes an
// envelope to the router of its subject, as the host's two consumers do.
func newSagaCosec(t *testing.T) *sagaCosec {
	pool := pactkit.Pool(t, cosecapi.Context, cosecmigrations.FS)
	ordering, replies := sagaCosecRouters(pool)
	c := &sagaCosec{t: t, ctx: msg.WithMeta(ctx(t), msg.Meta{}), pool: pool}
	c.feed = func(env msg.Envelope) error {
		if env.Subject == cosecapi.ReplySubject {
			return pactkit.Handle(c.ctx, pool, replies, env)
		}
		return pactkit.Handle(c.ctx, pool, ordering, env)
	}
	return c
}

// start feeds an OrderCreated of the example order through cosec's real
// router, which starts the saga.
func (c *sagaCosec) start() {
	env, err := msg.New(c.ctx, orderingapi.Subject(sagaOrderCreated), sagaOrderCreated,
		orderingapi.OrderCreated{Order: sagaOrder()}, msg.WithAggregate(pactkit.ExampleID, 1))
	require.NoError(c.t, err)
	require.NoError(c.t, c.feed(env), "start the saga")
}

// reply feeds a participant's reply to step with outcome through cosec's
// real router (a CreateShoppingList success names the example list).
func (c *sagaCosec) reply(step, outcome string) {
	r := command.Reply{Command: step, Outcome: outcome}
	if outcome == command.Failed {
		r.Reason = "refused"
	}
	if step == cosecapi.StepCreateShoppingList && outcome == command.Succeeded {
		r.Result = json.RawMessage(`{"shoppingListId":"` + sagaListID + `"}`)
	}
	env, err := msg.New(c.ctx, cosecapi.ReplySubject, command.ReplyName(step), r,
		msg.WithHeader(command.HeaderSagaID, pactkit.ExampleID), msg.WithHeader(command.HeaderSagaStep, step))
	require.NoError(c.t, err)
	require.NoError(c.t, c.feed(env), "the earlier %s reply", step)
}

// saga reads the example order's saga.
func (c *sagaCosec) saga() cosecapi.Saga {
	s, err := cosecpg.NewSagas(c.pool).Saga(c.ctx, pactkit.ExampleID)
	require.NoError(c.t, err, "the saga of the example order")
	return s
}

// lastSent returns the newest message cosec wrote to its outbox.
func (c *sagaCosec) lastSent() msg.Envelope {
	var data []byte
	require.NoError(c.t, c.pool.QueryRow(c.ctx, `SELECT data FROM outbox ORDER BY seq DESC LIMIT 1`).Scan(&data),
		"cosec sent nothing")
	env, err := msg.Unmarshal(data)
	require.NoError(c.t, err)
	return env
}

// TestSagaStartsOnOrderCreated: cosec starts the saga of a new order and
// sends AuthorizeCustomer for its customer.
func TestSagaStartsOnOrderCreated(t *testing.T) {
	subject := orderingapi.Subject(sagaOrderCreated)
	err := messagePact(t, cosecapi.Context, orderingapi.Context+pactkit.Messages).AddAsynchronousMessage().
		ExpectsToReceive(description(sagaOrderCreated)).
		WithMetadata(pactkit.Metadata(subject)).
		WithJSONContent(pactkit.Envelope(sagaOrderCreated, subject, pactkit.ExampleID, map[string]any{
			"orderId":    pactkit.ID(pactkit.ExampleID),
			"customerId": pactkit.ID(sagaCustomerID),
			"paymentId":  pactkit.ID(sagaPaymentID),
			"items":      sagaListItems(),
			"totalCents": matchers.Integer(sagaTotalCents),
		})).
		ConsumedBy(func(m message.AsynchronousMessage) error {
			env := pactkit.Decode(t, m.Contents)
			require.Equal(t, subject, env.Subject)
			c := newSagaCosec(t)
			if err := c.feed(env); err != nil {
				return err
			}
			s := c.saga()
			require.Equal(t, cosecapi.StatusRunning, s.Status)
			require.Equal(t, cosecapi.StepAuthorizeCustomer, s.CurrentStep)
			sent := sagaSent(t, c.ctx, c.pool, customersapi.AuthorizeCustomerSubject, customersapi.AuthorizeCustomerCommand)
			require.Equal(t, cosecapi.ReplySubject, sent.Header(command.HeaderReplyTo))
			require.JSONEq(t, `{"customerId":"`+sagaCustomerID+`"}`, string(sent.Payload))
			return nil
		}).
		Verify(t)
	require.NoError(t, err)
}
