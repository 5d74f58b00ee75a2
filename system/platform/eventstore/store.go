package eventstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

// Store loads and saves aggregates of one type.
type Store[A es.Aggregate] struct {
	// Type names the aggregate type in the event table.
	Type string
	// Context is the publishing context, used for event subjects.
	Context string
	// New returns an empty aggregate to replay into.
	New func() A
	// Registry decodes stored events back into their payload types.
	Registry *msg.Registry
	// SnapshotEvery takes a snapshot each time the version crosses a multiple
	// of it; 0 disables snapshots.
	SnapshotEvery int
}

// Load rebuilds the aggregate from its latest snapshot and later events.
func (s *Store[A]) Load(ctx context.Context, q pg.Querier, id string) (A, error) {
	agg := s.New()
	version, err := loadSnapshot(ctx, q, s.Type, id, agg)
	if err != nil {
		return agg, err
	}
	version, err = s.replay(ctx, q, id, version, agg)
	if err != nil {
		return agg, err
	}
	if version == 0 {
		return agg, fmt.Errorf("%s %s: %w", s.Type, id, es.ErrNotFound)
	}
	agg.Base().Init(id, version)
	return agg, nil
}

// Save appends the aggregate's pending changes, writes them to the outbox
// and takes a snapshot when due, all within tx.
func (s *Store[A]) Save(ctx context.Context, tx pgx.Tx, agg A) error {
	base := agg.Base()
	envs, err := s.envelopes(ctx, base)
	if err != nil || len(envs) == 0 {
		return err
	}
	if err := appendEvents(ctx, tx, s.Type, envs); err != nil {
		return err
	}
	if err := outboxAdd(ctx, tx, envs); err != nil {
		return err
	}
	from, to := base.Version(), base.Version()+len(envs)
	if s.SnapshotEvery > 0 && to/s.SnapshotEvery > from/s.SnapshotEvery {
		if err := saveSnapshot(ctx, tx, s.Type, base.ID(), to, agg); err != nil {
			return err
		}
	}
	base.Committed()
	return nil
}

// Update loads id, lets fn change it and saves it, in one transaction.
func (s *Store[A]) Update(ctx context.Context, pool *pgxpool.Pool, id string, fn func(A) error) (A, error) {
	var agg A
	err := pg.InTx(ctx, pool, func(tx pgx.Tx) error {
		var err error
		if agg, err = s.Load(ctx, tx, id); err != nil {
			return err
		}
		if err := fn(agg); err != nil {
			return err
		}
		return s.Save(ctx, tx, agg)
	})
	return agg, err
}

// Create saves a new aggregate; an existing id yields es.ErrStaleVersion.
func (s *Store[A]) Create(ctx context.Context, pool *pgxpool.Pool, agg A) error {
	return pg.InTx(ctx, pool, func(tx pgx.Tx) error { return s.Save(ctx, tx, agg) })
}

func (s *Store[A]) envelopes(ctx context.Context, base *es.AggregateBase) ([]msg.Envelope, error) {
	envs := make([]msg.Envelope, 0, len(base.Changes()))
	for i, event := range base.Changes() {
		name := event.EventName()
		env, err := msg.New(ctx, msg.EventSubject(s.Context, name), name, event,
			msg.WithAggregate(base.ID(), base.Version()+i+1))
		if err != nil {
			return nil, err
		}
		envs = append(envs, env)
	}
	return envs, nil
}

func (s *Store[A]) replay(ctx context.Context, q pg.Querier, id string, after int, agg A) (int, error) {
	envs, err := loadEvents(ctx, q, s.Type, id, after)
	if err != nil {
		return 0, err
	}
	version := after
	for _, env := range envs {
		payload, err := s.Registry.Decode(env.Name, env.Payload)
		if err != nil {
			return 0, fmt.Errorf("replay %s %s v%d: %w", s.Type, id, env.AggregateVersion, err)
		}
		event, ok := payload.(es.Event)
		if !ok {
			return 0, errors.New("replay: " + env.Name + " is not an es.Event")
		}
		if err := agg.Apply(event); err != nil {
			return 0, fmt.Errorf("replay %s %s v%d: %w", s.Type, id, env.AggregateVersion, err)
		}
		version = env.AggregateVersion
	}
	return version, nil
}
