package cosec_test

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/command"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// answer decides what a participant does with a command: the reply to
// send, or nil to stay silent.
type answer func(p *participants, cmd msg.Envelope) *command.Reply

// succeed answers with success; CreateShoppingList returns a list id.
func succeed(_ *participants, cmd msg.Envelope) *command.Reply {
	r := &command.Reply{Command: cmd.Name, Outcome: command.Succeeded}
	if cmd.Name == depotapi.CreateShoppingListCommand {
		r.Result, _ = json.Marshal(depotapi.CreateShoppingListResult{ShoppingListID: listID(cmd)})
	}
	return r
}

// fail answers with a business failure.
func fail(reason string) answer {
	return func(_ *participants, cmd msg.Envelope) *command.Reply {
		return &command.Reply{Command: cmd.Name, Outcome: command.Failed, Reason: reason}
	}
}

// silent never answers, as a participant that is down or lost the command.
func silent(*participants, msg.Envelope) *command.Reply { return nil }

// listID is the shopping list id the fake depot gives an order's list.
func listID(cmd msg.Envelope) string { return "list-" + cmd.Header(command.HeaderSagaID) }

// participants plays customers, depot, payments and ordering on the bus:
// it reads every command from the stream, records it, and replies to the
// command's reply-to subject with a command.Reply envelope that copies the
// command's headers (but reply-to) and is caused by it, as command.On does.
type participants struct {
	t       *testing.T
	bus     *bus.Bus
	answers map[string]answer

	mu   sync.Mutex
	seen []msg.Envelope
}

// play starts the participants; a command without an answer succeeds.
func (m *mall) play(t *testing.T, answers map[string]answer) *participants {
	t.Helper()
	p := &participants{t: t, bus: m.bus, answers: answers}
	w := systest.ReadWire(t, m.env.NATS.URL(), msg.Root+".*."+msg.KindCommands+".>")
	w.Consume(t, p.handle)
	return p
}

func (p *participants) handle(m jetstream.Msg) {
	cmd, err := msg.Unmarshal(m.Data())
	if err != nil {
		p.t.Errorf("command on %s: %v", m.Subject(), err)
		return
	}
	p.mu.Lock()
	p.seen = append(p.seen, cmd)
	p.mu.Unlock()
	fn, ok := p.answers[cmd.Name]
	if !ok {
		fn = succeed
	}
	if r := fn(p, cmd); r != nil {
		p.reply(cmd, *r)
	}
}

// reply sends r for cmd.
func (p *participants) reply(cmd msg.Envelope, r command.Reply) {
	var opts []msg.Option
	for k, v := range cmd.Headers {
		if k != command.HeaderReplyTo {
			opts = append(opts, msg.WithHeader(k, v))
		}
	}
	ctx, cancel := context.WithTimeout(msg.CausedBy(context.Background(), cmd), waitFor)
	defer cancel()
	env, err := msg.New(ctx, cmd.Header(command.HeaderReplyTo), command.ReplyName(cmd.Name), r, opts...)
	if err == nil {
		err = p.bus.Publish(ctx, env)
	}
	if err != nil {
		p.t.Errorf("reply to %s: %v", cmd.Name, err)
	}
}

// commands returns the commands seen so far.
func (p *participants) commands() []msg.Envelope {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.seen)
}

// await waits for n commands, then checks that no more arrive within
// quietFor, and returns them.
func (p *participants) await(t *testing.T, n int) []msg.Envelope {
	t.Helper()
	require.Eventually(t, func() bool { return len(p.commands()) >= n }, waitFor, 10*time.Millisecond,
		"%d commands expected, seen %v", n, names(p.commands()))
	require.Never(t, func() bool { return len(p.commands()) > n }, quietFor, 10*time.Millisecond,
		"no command after the %d expected", n)
	return p.commands()
}

// awaitCommand waits for the first command named name and returns it.
func (p *participants) awaitCommand(t *testing.T, name string) msg.Envelope {
	t.Helper()
	var found msg.Envelope
	require.Eventually(t, func() bool {
		i := slices.IndexFunc(p.commands(), func(e msg.Envelope) bool { return e.Name == name })
		if i >= 0 {
			found = p.commands()[i]
		}
		return i >= 0
	}, waitFor, 10*time.Millisecond, "no %s command; seen %v", name, names(p.commands()))
	return found
}

// names lists the names of envelopes.
func names(envs []msg.Envelope) []string {
	out := make([]string, 0, len(envs))
	for _, e := range envs {
		out = append(out, e.Name)
	}
	return out
}

// forward is the happy path's command sequence.
var forward = []string{cosecapi.StepAuthorizeCustomer, cosecapi.StepCreateShoppingList,
	cosecapi.StepConfirmPayment, cosecapi.StepInitiateShopping, cosecapi.StepApproveOrder}
