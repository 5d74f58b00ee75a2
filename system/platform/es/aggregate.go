package es

// Event is a domain event payload; its name is its message name on the wire.
type Event interface {
	EventName() string
}

// Aggregate is an event-sourced entity. Apply changes state from an event, for
// both new events and replays, so it must not fail on events already stored.
type Aggregate interface {
	Base() *AggregateBase
	Apply(event Event) error
}

// AggregateBase holds identity, persisted version and pending changes. Embed it.
type AggregateBase struct {
	id      string
	version int
	changes []Event
}

// Base returns itself so that embedding types satisfy Aggregate.
func (b *AggregateBase) Base() *AggregateBase { return b }

// ID returns the aggregate id.
func (b *AggregateBase) ID() string { return b.id }

// Version returns the version of the last persisted event.
func (b *AggregateBase) Version() int { return b.version }

// Changes returns the events raised since the aggregate was loaded.
func (b *AggregateBase) Changes() []Event { return b.changes }

// Init sets identity and version; used by constructors and the store.
func (b *AggregateBase) Init(id string, version int) { b.id, b.version = id, version }

// Committed records that the pending changes were persisted.
func (b *AggregateBase) Committed() {
	b.version += len(b.changes)
	b.changes = nil
}

// Raise applies event to agg and records it as a pending change.
func Raise(agg Aggregate, event Event) error {
	if err := agg.Apply(event); err != nil {
		return err
	}
	b := agg.Base()
	b.changes = append(b.changes, event)
	return nil
}
