// Package position is the caught-up signal of a context's read models: how
// far each of its durable consumers has got in the domain stream. A
// consumer's position S means that every message it receives whose stream
// sequence is at most S has been applied (its transaction committed) or
// dead-lettered, never one that is still to come. It is JetStream's ack
// floor of the durable consumer: a message is acked only after its handler
// committed, and the floor passes it only once it and every earlier one of
// the consumer are acked, also when messages are handled side by side.
//
// A reader that must see a message's effect in a read model (read its own
// writes) takes the stream sequence S of that message and waits until the
// read model's consumer reports a position of S or more; then one read
// shows the effect. Every context with consumers serves their positions at
// Path(context) (package host); the typed client reads them with
// client.Positions.
package position

// Positions is the document a context answers at Path: the position of
// each of its durable consumers.
type Positions struct {
	Positions []Position `json:"positions"`
}

// Position is how far one durable consumer has got.
type Position struct {
	// Consumer is the durable consumer's name, e.g. search-ordering.
	Consumer string `json:"consumer"`
	// StreamSequence is the highest stream sequence up to which every
	// message the consumer receives has been applied or dead-lettered.
	StreamSequence uint64 `json:"streamSequence"`
}

// Path is where context serves the positions of its consumers.
func Path(context string) string { return "/api/positions/" + context }

// Of returns the position of consumer, and whether p names it.
func (p Positions) Of(consumer string) (uint64, bool) {
	for _, c := range p.Positions {
		if c.Consumer == consumer {
			return c.StreamSequence, true
		}
	}
	return 0, false
}

// Reached reports whether consumer has applied every message it receives
// up to stream sequence seq.
func (p Positions) Reached(consumer string, seq uint64) bool {
	at, ok := p.Of(consumer)
	return ok && at >= seq
}
