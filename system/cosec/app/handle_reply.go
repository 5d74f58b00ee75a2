package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// HandleReply moves a saga on a participant's reply, within the inbox
// transaction tx. The saga is locked for the transaction, so a reply and the
// deadline worker never move the same saga at once.
func (a *App) HandleReply(ctx context.Context, tx pgx.Tx, env msg.Envelope, r *command.Reply) error {
	s, err := a.sagas.Lock(ctx, tx, env.Header(command.HeaderSagaID))
	if err != nil {
		return fmt.Errorf("handle %s: %w", env.Name, err)
	}
	effects, err := a.coord.OnReply(s, domain.Reply{Step: env.Header(command.HeaderSagaStep),
		Outcome: r.Outcome, Reason: r.Reason, Result: r.Result}, a.now())
	if err != nil {
		return fmt.Errorf("handle %s: %w", env.Name, err)
	}
	return a.apply(ctx, tx, s, effects, env.ID)
}
