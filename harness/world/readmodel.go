package world

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/platform/position"
)

// A read model (search, baskets' product cache, notifications' customer
// cache) answers from the messages its consumers have applied, and tells
// how far each has got (package position). So a step that reads one waits
// until it has applied the scenario's messages, then reads once: what it
// shows is then what those messages made of it, and "not shown" means
// "not there", never "not yet".

// consumers maps each context to its durable consumers and the subjects
// each receives (contexts.Subscriptions, the one list of them).
var consumers = sync.OnceValue(func() map[string]readModel {
	out := map[string]readModel{}
	for _, s := range contexts.Subscriptions() {
		if out[s.Context] == nil {
			out[s.Context] = readModel{}
		}
		out[s.Context][s.Consumer] = s.Subjects
	}
	return out
})

// readModel maps a context's durable consumers to the subjects each receives.
type readModel map[string][]string

// receives reports whether a consumer of the read model receives r.
func (m readModel) receives(r tap.Record) bool {
	for _, subjects := range m {
		if slices.Contains(subjects, r.Subject) {
			return true
		}
	}
	return false
}

// targets is, for each consumer, the last stream sequence among records
// that it receives, up to upTo (0: all of them).
func (m readModel) targets(records []tap.Record, upTo uint64) map[string]uint64 {
	want := map[string]uint64{}
	for consumer, subjects := range m {
		for _, r := range records {
			if slices.Contains(subjects, r.Subject) && (upTo == 0 || r.StreamSeq <= upTo) {
				want[consumer] = max(want[consumer], r.StreamSeq)
			}
		}
	}
	return want
}

// AwaitApplied waits up to within until the consumers of the read model
// of context name have applied every message of the scenario that they
// receive, up to and including r.
func (s *Scenario) AwaitApplied(ctx context.Context, within time.Duration, name string, r tap.Record) error {
	ctx, cancel := context.WithTimeout(ctx, s.Within(within))
	defer cancel()
	m, err := readModelOf(name)
	if err != nil {
		return err
	}
	return s.awaitPositions(ctx, name, m.targets(s.Timeline(), r.StreamSeq))
}

// AwaitCaughtUp waits up to within until the read model of context name
// has applied every message of the scenario that it receives, as far as
// the tap has seen them: for a step that acts on what the read model holds
// rather than reading it.
func (s *Scenario) AwaitCaughtUp(ctx context.Context, within time.Duration, name string) error {
	ctx, cancel := context.WithTimeout(ctx, s.Within(within))
	defer cancel()
	m, err := readModelOf(name)
	if err != nil {
		return err
	}
	_, err = s.catchUp(ctx, name, m)
	return err
}

// Read runs check once the read model of context name has applied every
// message of the scenario it receives, as far as the tap has seen them,
// and again each time it has applied a further one, until check holds or
// within passes. check returns whether it holds and what it saw, so that
// a timeout says what was expected and what the read model showed.
func (s *Scenario) Read(ctx context.Context, within time.Duration, name, what string,
	check func(context.Context) (bool, string, error)) error {
	ctx, cancel := context.WithTimeout(ctx, s.Within(within))
	defer cancel()
	m, err := readModelOf(name)
	if err != nil {
		return err
	}
	for {
		records, err := s.catchUp(ctx, name, m)
		if err != nil {
			return fmt.Errorf("expected %s: %w", what, err)
		}
		ok, seen, err := check(ctx)
		if err == nil && ok {
			return nil
		}
		if err != nil {
			seen = "an error: " + err.Error()
		}
		if err := s.awaitFurther(ctx, m, records); err != nil {
			return fmt.Errorf("expected %s within %s, but once %s had applied every message of the scenario, it showed: %s",
				what, s.Within(within), name, seen)
		}
	}
}

// catchUp waits until the read model has applied the scenario's messages
// that it receives, as far as the tap has seen them, and returns those.
func (s *Scenario) catchUp(ctx context.Context, name string, m readModel) ([]tap.Record, error) {
	records := s.World.Tap.Records(tap.All(s.Mine(), m.receives))
	return records, s.awaitPositions(ctx, name, m.targets(records, 0))
}

// awaitFurther waits for a message of the scenario that the read model
// receives, newer than records.
func (s *Scenario) awaitFurther(ctx context.Context, m readModel, records []tap.Record) error {
	last := 0
	if len(records) > 0 {
		last = records[len(records)-1].Seq
	}
	_, err := s.World.Tap.Await(ctx, "a further message", s.Mine(), func(r tap.Record) bool {
		return r.Seq > last && m.receives(r)
	})
	return err
}

func readModelOf(name string) (readModel, error) {
	m, ok := consumers()[name]
	if !ok {
		return nil, fmt.Errorf("world: %s has no consumers, so no read model to wait for", name)
	}
	return m, nil
}

// awaitPositions waits until each consumer of context name has reached its
// target. JetStream tells a position only when asked, so it is asked
// again after a short pause that grows to a few milliseconds.
func (s *Scenario) awaitPositions(ctx context.Context, name string, want map[string]uint64) error {
	if len(want) == 0 {
		return nil
	}
	pause := time.Millisecond
	for {
		got, err := s.reader.Positions(ctx, name)
		if err == nil && reachedAll(got, want) {
			return nil
		}
		select {
		case <-ctx.Done():
			return &NotAppliedError{Context: name, Want: want, Got: got, Err: err}
		case <-time.After(pause):
			pause = min(2*pause, 16*time.Millisecond)
		}
	}
}

func reachedAll(p position.Positions, want map[string]uint64) bool {
	for consumer, seq := range want {
		if !p.Reached(consumer, seq) {
			return false
		}
	}
	return true
}

// NotAppliedError says which consumers of a read model had not applied the
// scenario's messages in time, and how far they had got.
type NotAppliedError struct {
	Context string
	Want    map[string]uint64
	Got     position.Positions
	Err     error // the last error reading the positions, if any
}

func (e *NotAppliedError) Error() string {
	var behind []string
	for consumer, seq := range e.Want {
		if !e.Got.Reached(consumer, seq) {
			at, _ := e.Got.Of(consumer)
			behind = append(behind, fmt.Sprintf("%s at #%d of #%d", consumer, at, seq))
		}
	}
	slices.Sort(behind)
	text := fmt.Sprintf("%s had not applied the scenario's messages in time: %s", e.Context, strings.Join(behind, ", "))
	if e.Err != nil {
		text += " (reading its positions: " + e.Err.Error() + ")"
	}
	return text
}
