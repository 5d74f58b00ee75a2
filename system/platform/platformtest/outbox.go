package platformtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/outbox"
	"github.com/mallbots/mallbots/system/platform/pg"
)

func startRelay(t *testing.T, env Env) {
	relay, err := outbox.NewRelay(env.Pool, outbox.ViaBus(env.Bus), env.Schema,
		outbox.WithPollInterval(time.Second), outbox.WithRetry(20*time.Millisecond, 200*time.Millisecond))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = relay.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

func addRows(t *testing.T, env Env, envs ...msg.Envelope) {
	ctx := deadline(t)
	require.NoError(t, pg.InTx(ctx, env.Pool, func(tx pgx.Tx) error { return outbox.Add(ctx, tx, envs...) }))
}

func countInStream(t *testing.T, env Env, subject string) uint64 {
	ctx := deadline(t)
	stream := must[jetstream.Stream](t)(env.Bus.JetStream().Stream(ctx, bus.StreamName))
	info := must[*jetstream.StreamInfo](t)(stream.Info(ctx, jetstream.WithSubjectFilter(subject)))
	return info.State.Subjects[subject]
}

func awaitPublished(t *testing.T, env Env, within time.Duration) {
	require.Eventually(t, func() bool {
		var pending int
		err := env.Pool.QueryRow(context.Background(),
			`SELECT count(*) FROM outbox WHERE published_at IS NULL`).Scan(&pending)
		return err == nil && pending == 0
	}, within, 10*time.Millisecond, "every outbox row must be marked published")
}

func testOutboxBrokerDown(t *testing.T, newEnv NewEnv) {
	env := newEnv(t)
	subject := uniqueSubject("Happened")
	env.StopBroker()
	startRelay(t, env)
	e := must[msg.Envelope](t)(msg.New(context.Background(), subject, "Happened", map[string]int{"n": 1}))
	addRows(t, env, e)

	var published *time.Time
	require.NoError(t, env.Pool.QueryRow(context.Background(),
		`SELECT published_at FROM outbox WHERE message_id = $1`, e.ID).Scan(&published))
	assert.Nil(t, published, "nothing can be published while the broker is down")

	require.NoError(t, env.StartBroker())
	awaitPublished(t, env, 20*time.Second)
	assert.EqualValues(t, 1, countInStream(t, env, subject), "delivered exactly once")
}

func testOutboxOrder(t *testing.T, newEnv NewEnv) {
	env := newEnv(t)
	subject := uniqueSubject("Step")
	const keys, steps = 4, 15
	for step := 1; step <= steps; step++ {
		var envs []msg.Envelope
		for k := range keys {
			envs = append(envs, must[msg.Envelope](t)(msg.New(context.Background(), subject, "Step",
				map[string]int{"step": step}, msg.WithAggregate(fmt.Sprintf("key-%d", k), step))))
		}
		addRows(t, env, envs...)
	}
	startRelay(t, env)
	startRelay(t, env) // a second relay competes for the same rows
	awaitPublished(t, env, 20*time.Second)

	last := map[string]int{}
	for _, e := range readSubject(t, env, subject, keys*steps) {
		assert.Equal(t, last[e.AggregateID]+1, e.AggregateVersion, "order of %s", e.AggregateID)
		last[e.AggregateID] = e.AggregateVersion
	}
	assert.Len(t, last, keys)
}

func readSubject(t *testing.T, env Env, subject string, n int) []msg.Envelope {
	ctx := deadline(t)
	cons := must[jetstream.Consumer](t)(env.Bus.JetStream().OrderedConsumer(ctx, bus.StreamName,
		jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}}))
	batch := must[jetstream.MessageBatch](t)(cons.Fetch(n, jetstream.FetchMaxWait(10*time.Second)))
	var envs []msg.Envelope
	for m := range batch.Messages() {
		envs = append(envs, must[msg.Envelope](t)(msg.Unmarshal(m.Data())))
	}
	require.NoError(t, batch.Error())
	require.Len(t, envs, n)
	return envs
}

func uniqueSubject(name string) string {
	return msg.EventSubject("suite"+msg.NewID()[24:], name)
}
