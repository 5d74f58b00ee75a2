package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/cosec/domain"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/outbox"
)

// apply writes a transition's commands and final event to the outbox and
// saves the saga, all in tx. Every message carries the order's correlation
// and is caused by causeID (the message or command that moved the saga).
func (a *App) apply(ctx context.Context, tx pgx.Tx, s *domain.Saga, e domain.Effects, causeID string) error {
	ctx = msg.WithMeta(ctx, msg.Meta{CorrelationID: s.Work.CorrelationID, CausationID: causeID})
	for _, c := range e.Commands {
		env, err := command.Send(ctx, tx, c.Context, c.Step, c.Payload, cosecapi.ReplySubject,
			map[string]string{command.HeaderSagaID: s.State.OrderID, command.HeaderSagaStep: c.Step})
		if err != nil {
			return fmt.Errorf("send %s: %w", c.Step, err)
		}
		s.Work.LastCommandID = env.ID
	}
	if e.Ended != nil {
		if err := publish(ctx, tx, s.State.OrderID, e.Ended); err != nil {
			return err
		}
	}
	return a.sagas.Save(ctx, tx, s)
}

// publish writes the saga's final event to the outbox.
func publish(ctx context.Context, tx pgx.Tx, orderID string, ev domain.Event) error {
	env, err := msg.New(ctx, cosecapi.Subject(ev.EventName()), ev.EventName(), ev,
		msg.WithAggregate(orderID, 0))
	if err != nil {
		return fmt.Errorf("publish %s: %w", ev.EventName(), err)
	}
	if err := outbox.Add(ctx, tx, env); err != nil {
		return fmt.Errorf("publish %s: %w", ev.EventName(), err)
	}
	return nil
}
