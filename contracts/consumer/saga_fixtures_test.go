//go:build pact

package consumer

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	cosecconsumers "github.com/mallbots/mallbots/system/cosec/adapters/consumers"
	cosecpg "github.com/mallbots/mallbots/system/cosec/adapters/postgres"
	cosecapp "github.com/mallbots/mallbots/system/cosec/app"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	cosecdomain "github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/customers"
	customerspg "github.com/mallbots/mallbots/system/customers/adapters/postgres"
	customersapp "github.com/mallbots/mallbots/system/customers/app"
	"github.com/mallbots/mallbots/system/depot"
	depotpg "github.com/mallbots/mallbots/system/depot/adapters/postgres"
	depotapp "github.com/mallbots/mallbots/system/depot/app"
	"github.com/mallbots/mallbots/system/ordering"
	orderingpg "github.com/mallbots/mallbots/system/ordering/adapters/postgres"
	orderingapp "github.com/mallbots/mallbots/system/ordering/app"
	orderingdomain "github.com/mallbots/mallbots/system/ordering/domain"
	paymentsapp "github.com/mallbots/mallbots/system/payments/app"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// The examples of the saga's messages and of the events ordering consumes.
// The saga's order is pactkit.ExampleID (the saga-id header of every
// command and reply); ordering's own order is the one it derives from the
// example basket (ordering issues order ids, a consumer cannot choose one).
const (
	sagaCustomerID  = "0195f7a4-6b2c-7d3e-8f40-1234567890c1"
	sagaPaymentID   = "0195f7a4-6b2c-7d3e-8f40-1234567890d1"
	sagaProductID   = "0195f7a4-6b2c-7d3e-8f40-1234567890e1"
	sagaStoreID     = "0195f7a4-6b2c-7d3e-8f40-1234567890f1"
	sagaListID      = "0195f7a4-6b2c-7d3e-8f40-1234567890a1"
	sagaBasketID    = "0195f7a4-6b2c-7d3e-8f40-1234567890b1"
	sagaInvoiceID   = "0195f7a4-6b2c-7d3e-8f40-1234567890a2"
	sagaTotalCents  = 500
	sagaProductName = "Pencil"
	sagaStoreName   = "Corner Shop"
)

// Provider states of the saga's participants and of ordering's producers
// (see contracts/provider/saga_test.go and events_to_ordering_test.go).
const (
	StateCustomerDisabled  = "a customer is disabled"
	StatePaymentAuthorized = "a payment is authorized"
	StatePaymentTooSmall   = "a payment is authorized for less than the order"
	StateListPending       = "a shopping list is pending"
	StateOrderPending      = "an order is pending"
	StateListAssigned      = "a shopping list is assigned"
	StateInvoiceOpen       = "an invoice is open"
)

// sagaOrderingOrderID is the id ordering gives the order of the example
// basket.
var sagaOrderingOrderID = orderingdomain.OrderIDFor(sagaBasketID)

// sagaQuiet is the logger of the contexts' services under test.
var sagaQuiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// sagaCustomersApp is the application service customers' module.go builds.
func sagaCustomersApp(pool *pgxpool.Pool) *customersapp.App {
	return customersapp.New(pool, customerspg.NewViews(pool), customers.SnapshotEvery)
}

// sagaDepotApp is the application service depot's module.go builds, with
// no stores peer (the cache holds every store these tests name).
func sagaDepotApp(pool *pgxpool.Pool) *depotapp.App {
	return depotapp.New(pool, depotapp.Ports{Stores: depotpg.Stores{}, Orders: depotpg.Orders{},
		Lists: depotpg.NewLists(pool), Bots: depotpg.Bots{}}, depot.SnapshotEvery)
}

// sagaPaymentsApp is the application service payments' module.go builds.
func sagaPaymentsApp(pool *pgxpool.Pool) *paymentsapp.App { return paymentsApp(pool) }

// sagaOrderingApp is the application service ordering's module.go builds.
func sagaOrderingApp(pool *pgxpool.Pool) *orderingapp.App {
	return orderingapp.New(pool, orderingpg.NewViews(pool), orderingpg.NewCompletions(), orderingpg.NewOrderLocks(), sagaQuiet, ordering.SnapshotEvery)
}

// sagaCosecApp is the application service cosec's module.go builds with
// its default step timeout.
func sagaCosecApp(pool *pgxpool.Pool) *cosecapp.App {
	return cosecapp.New(pool, cosecpg.NewSagas(pool), cosecdomain.Coordinator{StepTimeout: cosecdomain.DefaultStepTimeout})
}

// sagaCosecRouters are the two routers cosec's module.go mounts, over one
// application service: OrderCreated starts a saga, replies move it.
func sagaCosecRouters(pool *pgxpool.Pool) (orderingRouter, repliesRouter *inbox.Router) {
	a := sagaCosecApp(pool)
	return cosecconsumers.Ordering(a), cosecconsumers.Replies(a)
}

// sagaInTx runs fn in one transaction of pool (a set-up through a
// context's own use case that the inbox would otherwise wrap).
func sagaInTx(t *testing.T, ctx context.Context, pool *pgxpool.Pool, fn func(tx pgx.Tx) error) {
	t.Helper()
	require.NoError(t, pg.InTx(ctx, pool, fn))
}

// sagaOutbox returns the envelopes written to pool's outbox on subject,
// oldest first.
func sagaOutbox(t *testing.T, ctx context.Context, pool *pgxpool.Pool, subject string) []msg.Envelope {
	t.Helper()
	rows, err := pool.Query(ctx, `SELECT data FROM outbox WHERE subject = $1 ORDER BY seq`, subject)
	require.NoError(t, err)
	data, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	require.NoError(t, err)
	envs := make([]msg.Envelope, 0, len(data))
	for _, d := range data {
		env, err := msg.Unmarshal(d)
		require.NoError(t, err, "an outbox row is no envelope: %s", d)
		envs = append(envs, env)
	}
	return envs
}

// sagaSent returns the one message named name the handler wrote to the
// outbox on subject, and fails when there is not exactly one.
func sagaSent(t *testing.T, ctx context.Context, pool *pgxpool.Pool, subject, name string) msg.Envelope {
	t.Helper()
	var found []msg.Envelope
	for _, env := range sagaOutbox(t, ctx, pool, subject) {
		if env.Name == name {
			found = append(found, env)
		}
	}
	require.Len(t, found, 1, "the outbox should hold one %s on %s", name, subject)
	return found[0]
}

// sagaReplied asserts that the participant's handler answered the command
// named name with outcome in the outbox: on the saga's reply subject, with
// the command's saga headers copied and no reply-to of its own. It returns
// the reply.
func sagaReplied(t *testing.T, ctx context.Context, pool *pgxpool.Pool, name, outcome string) command.Reply {
	t.Helper()
	env := sagaSent(t, ctx, pool, cosecapi.ReplySubject, command.ReplyName(name))
	require.Equal(t, pactkit.ExampleID, env.Header(command.HeaderSagaID), "the saga id is copied")
	require.Equal(t, name, env.Header(command.HeaderSagaStep), "the saga step is copied")
	require.Empty(t, env.Header(command.HeaderReplyTo), "a reply is no command")
	var r command.Reply
	require.NoError(t, json.Unmarshal(env.Payload, &r))
	require.Equal(t, outcome, r.Outcome, "reply %+v", r)
	require.Equal(t, name, r.Command)
	return r
}
