// Package cosec is the create-order saga coordinator. On OrderCreated it
// runs AuthorizeCustomer -> CreateShoppingList -> ConfirmPayment ->
// InitiateShopping -> ApproveOrder as commands with replies; a failed reply
// or a step past its deadline walks the compensations back
// (CancelShoppingList) and ends with RejectOrder. The saga is persisted,
// its commands and final event go through the outbox in the transaction
// that moves it, and its state is readable over REST for diagnosis.
package cosec

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"github.com/mallbots/mallbots/system/cosec/adapters/consumers"
	"github.com/mallbots/mallbots/system/cosec/adapters/deadlines"
	"github.com/mallbots/mallbots/system/cosec/adapters/postgres"
	"github.com/mallbots/mallbots/system/cosec/adapters/rest"
	"github.com/mallbots/mallbots/system/cosec/app"
	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/cosec/migrations"
	"github.com/mallbots/mallbots/system/platform/host"
)

// DefaultStepTimeout is how long a step waits for its reply by default.
const DefaultStepTimeout = domain.DefaultStepTimeout

// Module is the cosec context.
type Module struct {
	// StepTimeout is how long each saga step waits for its reply before
	// the saga acts on the silence; zero means DefaultStepTimeout.
	StepTimeout time.Duration
}

// Name returns "cosec".
func (Module) Name() string { return cosecapi.Context }

// Migrations returns the saga table.
func (Module) Migrations() fs.FS { return migrations.FS }

// Mount registers the REST API, the consumers of OrderCreated and of the
// replies, and the deadline worker.
func (mod Module) Mount(_ context.Context, m *host.Mount) error {
	if mod.StepTimeout < 0 {
		return fmt.Errorf("step timeout must not be negative, got %s", mod.StepTimeout)
	}
	timeout := mod.StepTimeout
	if timeout == 0 {
		timeout = DefaultStepTimeout
	}
	a := app.New(m.Pool, postgres.NewSagas(m.Pool), domain.Coordinator{StepTimeout: timeout})
	rest.Register(m.Mux, a)
	m.Consume(consumers.Ordering(a))
	m.Consume(consumers.Replies(a))
	m.Go(deadlines.Worker(a, deadlines.Interval(timeout), m.Log))
	return nil
}
