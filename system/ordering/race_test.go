package ordering_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/ordering"
	"github.com/mallbots/mallbots/system/ordering/adapters/postgres"
	"github.com/mallbots/mallbots/system/ordering/app"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestApprovalAndCompletionAtOnceReadyTheOrder replays the interleaving the
// load driver found: ApproveOrder has approved the pending order and found
// nothing parked but not committed yet when the list's completion is
// handled in another transaction. The completion must wait for the approval
// and ready the order, rather than see the order still pending and park a
// completion nobody takes.
func TestApprovalAndCompletionAtOnceReadyTheOrder(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	o := m.orderIn(t, ctx, orderingapi.StatusPending)
	pool := orderingDB(t, ctx, m)
	a := app.New(pool, postgres.NewViews(pool), postgres.NewCompletions(), postgres.NewOrderLocks(), systest.Logger(), ordering.SnapshotEvery)
	listID := "list-" + msg.NewID()

	tx1, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = tx1.Rollback(context.WithoutCancel(ctx)) }()
	_, err = a.ApproveOrder(ctx, tx1, msg.Envelope{}, &orderingapi.ApproveOrder{OrderID: o.ID, ShoppingListID: listID})
	require.NoError(t, err)

	tx2, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = tx2.Rollback(context.WithoutCancel(ctx)) }()
	pid := tx2.Conn().PgConn().PID()
	done := make(chan error, 1)
	go func() {
		if err := a.ReadyOrder(ctx, tx2, o.ID, listID); err != nil {
			done <- err
			return
		}
		done <- tx2.Commit(ctx)
	}()

	// The completion either finishes at once (it did not wait for the
	// approval) or is seen blocked on a lock; only then may tx1 commit, so
	// that the completion really ran while the approval was uncommitted.
	var finished error
	var isDone bool
	require.Eventually(t, func() bool {
		select {
		case finished = <-done:
			isDone = true
			return true
		default:
			return waitsOnLock(ctx, pool, pid)
		}
	}, waitFor, pollEvery, "the completion neither finished nor waited on a lock")
	require.NoError(t, tx1.Commit(ctx))
	if !isDone {
		select {
		case finished = <-done:
		case <-time.After(waitFor):
			t.Fatal("the completion did not finish after the approval committed")
		}
	}
	require.NoError(t, finished)

	got, err := m.c.Order(ctx, o.ID)
	require.NoError(t, err)
	assert.Equal(t, orderingapi.StatusReady, got.Status, "the completion readies the approved order")
	var parked int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM parked_completion WHERE order_id = $1`, o.ID).Scan(&parked))
	assert.Zero(t, parked, "no completion is left parked")
}

// waitsOnLock reports whether the backend pid is waiting on a lock.
func waitsOnLock(ctx context.Context, pool *pgxpool.Pool, pid uint32) bool {
	var waiting bool
	err := pool.QueryRow(ctx, `SELECT coalesce(wait_event_type = 'Lock', false) FROM pg_stat_activity WHERE pid = $1`,
		int32(pid)).Scan(&waiting)
	return err == nil && waiting
}
