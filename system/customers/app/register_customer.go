package app

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/customers/domain"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// RegisterCustomer registers an enabled customer.
func (a *App) RegisterCustomer(ctx context.Context, in customersapi.RegisterCustomer) (customersapi.Customer, error) {
	cu, err := domain.NewCustomer(msg.NewID(), in.Name, in.SmsNumber)
	if err != nil {
		return customersapi.Customer{}, err
	}
	err = pg.InTx(ctx, a.pool, func(tx pgx.Tx) error { return a.save(ctx, tx, cu) })
	if err != nil {
		return customersapi.Customer{}, err
	}
	return cu.State, nil
}
