package systest

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
)

// AwaitCaughtUp waits until each durable consumer has handled and
// acknowledged every message of its subjects stored so far: none pending,
// none delivered and unacknowledged. Consumers handle messages of different
// ordering keys side by side, so "a later marker was handled" no longer
// proves that earlier messages were: a test awaits this instead.
func AwaitCaughtUp(tb testing.TB, ctx context.Context, js jetstream.JetStream, consumers ...string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(ctx, AckWait)
	defer cancel()
	for _, name := range consumers {
		awaitConsumerIdle(tb, ctx, js, name)
	}
}

func awaitConsumerIdle(tb testing.TB, ctx context.Context, js jetstream.JetStream, name string) {
	tb.Helper()
	tick := time.NewTicker(ackPoll)
	defer tick.Stop()
	var last *jetstream.ConsumerInfo
	var lastErr error
	for {
		info, err := consumerInfo(ctx, js, name)
		if err == nil && info.NumPending == 0 && info.NumAckPending == 0 {
			return
		}
		last, lastErr = info, err
		select {
		case <-ctx.Done():
			require.FailNowf(tb, "consumer not caught up", "consumer %s: %s (last error: %v)", name, idleText(last), lastErr)
		case <-tick.C:
		}
	}
}

func consumerInfo(ctx context.Context, js jetstream.JetStream, name string) (*jetstream.ConsumerInfo, error) {
	c, err := js.Consumer(ctx, bus.StreamName, name)
	if err != nil {
		return nil, err
	}
	return c.Info(ctx)
}

func idleText(info *jetstream.ConsumerInfo) string {
	if info == nil {
		return "no information"
	}
	return "pending " + itoa(info.NumPending) + ", unacknowledged " + itoa(uint64(info.NumAckPending))
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
