package pgtemp_test

import (
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/pgtemp"
)

// TestShutdownAndRestartKeepTheData: after a fast or an immediate shutdown
// the server is down, and Restart brings it back on the same port with
// every committed row.
func TestShutdownAndRestartKeepTheData(t *testing.T) {
	ctx := testContext(t)
	srv, err := pgtemp.Start(ctx)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Stop() })
	dsn, err := srv.CreateDatabase(ctx, "kept")
	require.NoError(t, err)
	execSQL(t, dsn, "CREATE TABLE rows (n int)")

	for i, mode := range []string{pgtemp.ShutdownFast, pgtemp.ShutdownImmediate} {
		execSQL(t, dsn, "INSERT INTO rows VALUES ($1)", i)
		port := srv.Port()
		require.NoError(t, srv.Shutdown(mode))
		requirePortClosed(t, port)
		require.NoError(t, srv.Restart(ctx))
		require.Equal(t, port, srv.Port())
		conn, err := pgx.Connect(ctx, dsn)
		require.NoError(t, err)
		var n int
		require.NoError(t, conn.QueryRow(ctx, "SELECT count(*) FROM rows").Scan(&n))
		require.Equal(t, i+1, n, "after a %s shutdown every committed row is back", mode)
		require.NoError(t, conn.Close(ctx))
	}
	require.ErrorContains(t, srv.Shutdown("smart"), `mode "smart"`)
	require.ErrorContains(t, srv.Restart(ctx), "it is running")
}

func execSQL(t *testing.T, dsn, sql string, args ...any) {
	t.Helper()
	conn, err := pgx.Connect(testContext(t), dsn)
	require.NoError(t, err)
	defer conn.Close(testContext(t))
	_, err = conn.Exec(testContext(t), sql, args...)
	require.NoError(t, err)
}
