package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/pg"
)

// expireBatch bounds the sagas one deadline transaction moves.
const expireBatch = 50

// ExpireSteps acts on every saga whose current step is past its deadline,
// in transactions of up to expireBatch sagas, and returns how many it
// moved. Sagas locked elsewhere (a reply in flight, another cosec process)
// are skipped and looked at again on the next call.
func (a *App) ExpireSteps(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := a.expireBatch(ctx)
		total += n
		if err != nil || n < expireBatch {
			return total, err
		}
	}
}

func (a *App) expireBatch(ctx context.Context) (int, error) {
	n := 0
	err := pg.InTx(ctx, a.pool, func(tx pgx.Tx) error {
		now := a.now()
		due, err := a.sagas.LockDue(ctx, tx, now, expireBatch)
		if err != nil {
			return err
		}
		for _, s := range due {
			if err := a.apply(ctx, tx, s, a.coord.OnDeadline(s, now), s.Work.LastCommandID); err != nil {
				return err
			}
		}
		n = len(due)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("expire steps: %w", err)
	}
	return n, nil
}
