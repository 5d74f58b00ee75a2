//go:build pact

package consumer

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	customerscommands "github.com/mallbots/mallbots/system/customers/adapters/commands"
	customerspg "github.com/mallbots/mallbots/system/customers/adapters/postgres"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	customersdomain "github.com/mallbots/mallbots/system/customers/domain"
	customersmigrations "github.com/mallbots/mallbots/system/customers/migrations"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/inbox"
)

// sagaCustomersRouter is the commands router customers' module.go mounts.
func sagaCustomersRouter(pool *pgxpool.Pool) *inbox.Router {
	return customerscommands.Router(sagaCustomersApp(pool))
}

// sagaCustomerExists registers the example customer through customers'
// domain and its event store, as RegisterCustomer does (which issues an id
// of its own; the command names the example's).
func sagaCustomerExists(t *testing.T, ctx context.Context, pool *pgxpool.Pool) {
	t.Helper()
	cu, err := customersdomain.NewCustomer(sagaCustomerID, "Ada", "+14155550123")
	require.NoError(t, err)
	store := &eventstore.Store[*customersdomain.Customer]{Type: "customer", Context: customersapi.Context,
		New: func() *customersdomain.Customer { return &customersdomain.Customer{} }}
	sagaInTx(t, ctx, pool, func(tx pgx.Tx) error {
		if err := store.Save(ctx, tx, cu); err != nil {
			return err
		}
		return customerspg.NewViews(pool).PutCustomer(ctx, tx, cu.State)
	})
}

// TestSagaAuthorizeCustomer: customers answers AuthorizeCustomer for a
// registered, enabled customer with a succeeded reply naming the customer.
func TestSagaAuthorizeCustomer(t *testing.T) {
	sagaCommand{participant: customersapi.Context, name: customersapi.AuthorizeCustomerCommand,
		subject: customersapi.AuthorizeCustomerSubject, state: StateCustomer,
		payload:    map[string]any{"customerId": pactkit.ID(sagaCustomerID)},
		migrations: customersmigrations.FS, router: sagaCustomersRouter, before: sagaCustomerExists,
		effect: func(t *testing.T, _ context.Context, _ *pgxpool.Pool, reply command.Reply) {
			var result customersapi.AuthorizeCustomerResult
			require.NoError(t, reply.Decode(&result))
			require.Equal(t, sagaCustomerID, result.CustomerID)
		},
	}.verify(t)
}
