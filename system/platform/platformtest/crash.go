package platformtest

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// sagaStepDeadline is the create-order saga's default step deadline: a
// message a crashed participant held must be handled well within it, with
// time left for the participant to restart (about 2 s) and to answer.
const (
	sagaStepDeadline = 10 * time.Second
	restartAndAnswer = 3 * time.Second
)

// testCrashedConsumer: a consumer that took a message and died without
// acknowledging it (SIGKILL) does not hold it for long: its restart gets
// it again within the ack wait, well before a saga step's deadline.
func testCrashedConsumer(t *testing.T, newEnv NewEnv) {
	env, ctx := newEnv(t), deadline(t)
	subject := uniqueSubject("Held")
	durable := "suite-" + msg.NewID()[24:]
	dead, err := env.Bus.JetStream().CreateOrUpdateConsumer(ctx, bus.StreamName, jetstream.ConsumerConfig{
		Durable: durable, FilterSubjects: []string{subject}, AckPolicy: jetstream.AckExplicitPolicy,
		AckWait: 30 * time.Second, MaxDeliver: -1})
	require.NoError(t, err)
	publishCopies(t, env, must[msg.Envelope](t)(msg.New(ctx, subject, "Held", noted{Note: "x"})), 1)
	batch := must[jetstream.MessageBatch](t)(dead.Fetch(1)) // taken, never acknowledged
	for range batch.Messages() {
	}
	crashed := time.Now()

	got := make(chan time.Duration, 1)
	consume(t, env, bus.ConsumerSpec{Durable: durable, Subjects: []string{subject}},
		func(context.Context, msg.Envelope) error {
			got <- time.Since(crashed)
			return nil
		})
	select {
	case waited := <-got:
		assert.Less(t, waited, sagaStepDeadline-restartAndAnswer, "redelivered after %s", waited)
	case <-time.After(sagaStepDeadline):
		t.Fatalf("the message a crashed consumer held was not delivered again within %s", sagaStepDeadline)
	}
}
