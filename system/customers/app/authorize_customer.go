package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// AuthorizeCustomer answers whether a customer may order: an enabled
// customer succeeds; an unknown or disabled one is rejected, which becomes a
// failure reply. Any other error is infrastructure and is retried by the bus.
// It reads the aggregate within the inbox transaction tx.
func (a *App) AuthorizeCustomer(ctx context.Context, tx pgx.Tx, _ msg.Envelope,
	cmd *customersapi.AuthorizeCustomer) (any, error) {
	cu, err := a.load(ctx, tx, cmd.CustomerID)
	if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
		return nil, command.Reject("customer %q is not registered", cmd.CustomerID)
	}
	if err != nil {
		return nil, err
	}
	if !cu.State.Enabled {
		return nil, command.Reject("customer %s is disabled", cu.State.ID)
	}
	return customersapi.AuthorizeCustomerResult{CustomerID: cu.State.ID}, nil
}
