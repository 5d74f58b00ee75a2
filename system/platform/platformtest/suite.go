package platformtest

import "testing"

// Run runs the whole behaviour suite against the implementation newEnv makes.
func Run(t *testing.T, newEnv NewEnv) {
	cases := []struct {
		name string
		test func(*testing.T, NewEnv)
	}{
		{"event store: two concurrent appends at the same version give exactly one conflict", testConcurrentAppends},
		{"event store: a snapshot plus later events rebuild the same state", testSnapshotRebuild},
		{"event store: loading an unknown aggregate is ErrNotFound", testLoadUnknown},
		{"outbox: a row written while the broker is down is delivered exactly once after it returns", testOutboxBrokerDown},
		{"outbox: competing relays keep each aggregate's order", testOutboxOrder},
		{"inbox: a message delivered three times has one effect", testInboxDedupe},
		{"bus: a handler that always fails dead-letters its message after max deliveries", testDeadLetter},
		{"bus: with workers, a stuck message holds back only its own aggregate, each aggregate in order", testLanes},
		{"bus: a message held by a consumer that crashed is delivered again well within a saga step", testCrashedConsumer},
		{"bus: forced deliveries hand each message over three times and the inbox keeps one effect", testForcedDeliveries},
		{"bus: a message whose dependency is unavailable outlasts max deliver and is handled once it is back", testUnavailableOutlastsMaxDeliver},
		{"bus: undecodable bytes are dead-lettered at once", testPoisonBytes},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.test(t, newEnv)
		})
	}
}
