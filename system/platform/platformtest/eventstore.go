package platformtest

import (
	"errors"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/eventstore"
	"github.com/mallbots/mallbots/system/platform/msg"
	"github.com/mallbots/mallbots/system/platform/pg"
)

func counterStore(snapshotEvery int) *eventstore.Store[*Counter] {
	return &eventstore.Store[*Counter]{Type: "counter", Context: "suite", Registry: counterRegistry(),
		New: func() *Counter { return &Counter{} }, SnapshotEvery: snapshotEvery}
}

func testConcurrentAppends(t *testing.T, newEnv NewEnv) {
	env, ctx := newEnv(t), deadline(t)
	store, id := counterStore(0), msg.NewID()
	c := NewCounter(id)
	require.NoError(t, c.Increment(1))
	require.NoError(t, store.Create(ctx, env.Pool, c))

	// Both writers load version 1 before either saves, then race to append v2.
	var loaded, done sync.WaitGroup
	loaded.Add(2)
	errs := make([]error, 2)
	for i := range errs {
		done.Go(func() {
			errs[i] = pg.InTx(ctx, env.Pool, func(tx pgx.Tx) error {
				agg, err := store.Load(ctx, tx, id)
				loaded.Done()
				if err != nil {
					return err
				}
				loaded.Wait()
				if err := agg.Increment(10 + i); err != nil {
					return err
				}
				return store.Save(ctx, tx, agg)
			})
		})
	}
	done.Wait()
	conflicts := 0
	for _, err := range errs {
		if errors.Is(err, es.ErrStaleVersion) {
			conflicts++
		} else {
			require.NoError(t, err)
		}
	}
	assert.Equal(t, 1, conflicts, "exactly one writer must see a stale version")
	final := must[*Counter](t)(store.Load(ctx, env.Pool, id))
	assert.Equal(t, 2, final.Version())
	assert.Len(t, final.History, 2)
}

func testSnapshotRebuild(t *testing.T, newEnv NewEnv) {
	env, ctx := newEnv(t), deadline(t)
	store, id := counterStore(3), msg.NewID()
	c := NewCounter(id)
	require.NoError(t, c.Increment(1))
	require.NoError(t, store.Create(ctx, env.Pool, c))
	for by := 2; by <= 7; by++ {
		_, err := store.Update(ctx, env.Pool, id, func(c *Counter) error { return c.Increment(by) })
		require.NoError(t, err)
	}

	var snapVersion int
	require.NoError(t, env.Pool.QueryRow(ctx,
		`SELECT version FROM snapshots WHERE aggregate_id = $1`, id).Scan(&snapVersion))
	assert.Equal(t, 6, snapVersion, "a snapshot is taken when the version crosses a multiple of 3")

	fromSnapshot := must[*Counter](t)(store.Load(ctx, env.Pool, id))
	_, err := env.Pool.Exec(ctx, `DELETE FROM snapshots WHERE aggregate_id = $1`, id)
	require.NoError(t, err)
	fromEvents := must[*Counter](t)(store.Load(ctx, env.Pool, id))

	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7}, fromEvents.History)
	assert.Equal(t, fromEvents.History, fromSnapshot.History)
	assert.Equal(t, 28, fromSnapshot.Total)
	assert.Equal(t, 7, fromSnapshot.Version())
	assert.Equal(t, fromEvents.Version(), fromSnapshot.Version())
}

func testLoadUnknown(t *testing.T, newEnv NewEnv) {
	env, ctx := newEnv(t), deadline(t)
	_, err := counterStore(0).Load(ctx, env.Pool, "nobody")
	assert.ErrorIs(t, err, es.ErrNotFound)
}
