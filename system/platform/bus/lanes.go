package bus

import (
	"hash/fnv"
	"sync"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// HeaderOrderingKey names the envelope header that, when set, says which
// messages must be handled one after the other (a saga's commands and
// replies carry the saga's id there, see KeyOf).
const HeaderOrderingKey = "saga-id"

// KeyOf is the ordering key of a message: messages with the same key are
// handled one at a time in stream order, messages with different keys side
// by side. It is the aggregate the message is about; for a command or reply,
// the saga it belongs to; otherwise the user action that caused it.
func KeyOf(env msg.Envelope) string {
	switch {
	case env.AggregateID != "":
		return env.AggregateID
	case env.Headers[HeaderOrderingKey] != "":
		return env.Headers[HeaderOrderingKey]
	case env.CorrelationID != "":
		return env.CorrelationID
	}
	return env.ID
}

// lanes hands each message to the lane of its key, one goroutine per lane,
// so that messages of one key keep their order and different keys overlap
// their waits (Postgres round trips, acks).
type lanes struct {
	queues []chan laneItem
	wg     sync.WaitGroup
	once   sync.Once
}

type laneItem struct {
	m   jetstream.Msg
	env msg.Envelope
	err error // the envelope could not be decoded
}

func newLanes(n, depth int, handle func(laneItem)) *lanes {
	l := &lanes{queues: make([]chan laneItem, n)}
	for i := range l.queues {
		q := make(chan laneItem, depth)
		l.queues[i] = q
		l.wg.Go(func() {
			for it := range q {
				handle(it)
			}
		})
	}
	return l
}

// add queues a message on its key's lane; it blocks while that lane is full.
func (l *lanes) add(it laneItem) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(KeyOf(it.env)))
	l.queues[h.Sum32()%uint32(len(l.queues))] <- it
}

// close lets every lane finish what it holds, then returns.
func (l *lanes) close() {
	l.once.Do(func() {
		for _, q := range l.queues {
			close(q)
		}
	})
	l.wg.Wait()
}
