package command

import (
	"context"
	"maps"

	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/outbox"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Send writes a command for context target to the outbox in q's transaction.
// Replies go to replyTo with headers copied from the command.
func Send(ctx context.Context, q pg.Querier, target, name string, payload any,
	replyTo string, headers map[string]string) (msg.Envelope, error) {
	opts := []msg.Option{msg.WithHeader(HeaderReplyTo, replyTo)}
	for k, v := range maps.All(headers) {
		opts = append(opts, msg.WithHeader(k, v))
	}
	env, err := msg.New(ctx, msg.CommandSubject(target, name), name, payload, opts...)
	if err != nil {
		return msg.Envelope{}, err
	}
	return env, outbox.Add(ctx, q, env)
}
