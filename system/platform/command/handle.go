package command

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/outbox"
)

// Func handles a command and returns its result (nil for none).
type Func[T any] func(ctx context.Context, tx pgx.Tx, env msg.Envelope, cmd *T) (any, error)

// On routes a command subject to fn and replies with its outcome.
func On[T any](r *inbox.Router, subject string, fn Func[T]) {
	inbox.On(r, subject, func(ctx context.Context, tx pgx.Tx, env msg.Envelope, cmd *T) error {
		result, err := fn(ctx, tx, env, cmd)
		reply := Reply{Command: env.Name, Outcome: Succeeded}
		if rej, ok := AsRejection(err); ok {
			reply.Outcome, reply.Reason = Failed, rej.Reason
		} else if err != nil {
			return err
		}
		if result != nil && reply.Outcome == Succeeded {
			if reply.Result, err = json.Marshal(result); err != nil {
				return fmt.Errorf("encode %s result: %w", env.Name, err)
			}
		}
		return sendReply(ctx, tx, env, reply)
	})
}

func sendReply(ctx context.Context, tx pgx.Tx, cmd msg.Envelope, reply Reply) error {
	replyTo := cmd.Header(HeaderReplyTo)
	if replyTo == "" {
		return nil
	}
	var opts []msg.Option
	for k, v := range cmd.Headers {
		if k != HeaderReplyTo {
			opts = append(opts, msg.WithHeader(k, v))
		}
	}
	env, err := msg.New(ctx, replyTo, ReplyName(cmd.Name), reply, opts...)
	if err != nil {
		return err
	}
	return outbox.Add(ctx, tx, env)
}
