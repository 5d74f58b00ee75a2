package pgtemp_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/owner/ownertest"
	"github.com/mallbots/mallbots/harness/pgtemp"
)

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// queryDatabase checks that dsn reaches database want and can write and read.
func queryDatabase(t *testing.T, ctx context.Context, dsn, want string) {
	t.Helper()
	conn, err := pgx.Connect(ctx, dsn)
	require.NoError(t, err)
	defer conn.Close(ctx)

	var got string
	require.NoError(t, conn.QueryRow(ctx, "SELECT current_database()").Scan(&got))
	require.Equal(t, want, got)

	_, err = conn.Exec(ctx, "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)")
	require.NoError(t, err)
	_, err = conn.Exec(ctx, "INSERT INTO items VALUES (1, $1)", want)
	require.NoError(t, err)
	var name string
	require.NoError(t, conn.QueryRow(ctx, "SELECT name FROM items WHERE id = 1").Scan(&name))
	require.Equal(t, want, name)
}

func requirePortClosed(t *testing.T, port int) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err == nil {
		_ = conn.Close()
	}
	require.Error(t, err, "port %d still accepts connections", port)
}

func TestStartCreateDatabasesStop(t *testing.T) {
	ctx := testContext(t)
	cacheDir := t.TempDir()
	runs := pgtemp.InitdbRuns()

	srv, err := pgtemp.Start(ctx, pgtemp.WithCacheDir(cacheDir))
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Stop() })
	require.Equal(t, runs+1, pgtemp.InitdbRuns(), "first start with an empty cache runs initdb")
	require.DirExists(t, srv.Dir())

	for _, name := range []string{"orders", "Stock Items"} {
		dsn, err := srv.CreateDatabase(ctx, name)
		require.NoError(t, err)
		require.Equal(t, srv.DSN(name), dsn)
		queryDatabase(t, ctx, dsn, name)
	}

	dir, port := srv.Dir(), srv.Port()
	require.NoError(t, srv.Stop())
	require.NoDirExists(t, dir)
	requirePortClosed(t, port)
	require.NoError(t, srv.Stop(), "Stop is idempotent")

	again, err := pgtemp.Start(ctx, pgtemp.WithCacheDir(cacheDir))
	require.NoError(t, err)
	t.Cleanup(func() { _ = again.Stop() })
	require.Equal(t, runs+1, pgtemp.InitdbRuns(), "second start reuses the cached template")
	require.NotEqual(t, dir, again.Dir())
	queryDatabase(t, ctx, again.DSN("postgres"), "postgres")
	require.NoError(t, again.Stop())
	require.NoDirExists(t, again.Dir())
}

func TestConcurrentFirstStartsRunInitdbOnce(t *testing.T) {
	ctx := testContext(t)
	cacheDir := t.TempDir()
	runs := pgtemp.InitdbRuns()

	const n = 3
	servers := make([]*pgtemp.Server, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { servers[i], errs[i] = pgtemp.Start(ctx, pgtemp.WithCacheDir(cacheDir)) })
	}
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i])
		defer func() { require.NoError(t, servers[i].Stop()) }()
	}
	require.Equal(t, runs+1, pgtemp.InitdbRuns())
}

func TestDropDatabase(t *testing.T) {
	ctx := testContext(t)
	srv := pgtemp.StartTB(t)

	_, err := srv.CreateDatabase(ctx, "doomed")
	require.NoError(t, err)
	open, err := pgx.Connect(ctx, srv.DSN("doomed"))
	require.NoError(t, err)
	defer open.Close(ctx)

	require.NoError(t, srv.DropDatabase(ctx, "doomed"), "drops despite an open session")
	require.False(t, databaseExists(t, ctx, srv, "doomed"))
	require.NoError(t, srv.DropDatabase(ctx, "doomed"), "dropping a missing database is fine")
}

func TestCreateDatabaseRejectsLongNames(t *testing.T) {
	srv := pgtemp.StartTB(t)
	_, err := srv.CreateDatabase(testContext(t), strings.Repeat("x", 64))
	require.ErrorContains(t, err, "longer than 63 bytes")
}

func TestNewDatabaseTB(t *testing.T) {
	ctx := testContext(t)
	srv := pgtemp.StartTB(t)

	var names []string
	for _, sub := range []string{"first", "second/with spaces"} {
		t.Run(sub, func(t *testing.T) {
			dsn := pgtemp.NewDatabaseTB(t, srv)
			cfg, err := pgx.ParseConfig(dsn)
			require.NoError(t, err)
			require.LessOrEqual(t, len(cfg.Database), 63)
			queryDatabase(t, ctx, dsn, cfg.Database)
			names = append(names, cfg.Database)
		})
	}
	require.Len(t, names, 2)
	require.NotEqual(t, names[0], names[1])
	for _, name := range names {
		require.False(t, databaseExists(t, ctx, srv, name), "%s dropped in Cleanup", name)
	}
}

func TestStartReportsBadPGBinDir(t *testing.T) {
	t.Setenv("PG_BINDIR", "/nonexistent/pg/bin")
	_, err := pgtemp.Start(testContext(t))
	require.ErrorContains(t, err, "start postgres: PG_BINDIR=/nonexistent/pg/bin")
	require.ErrorContains(t, err, "apt-get install -y postgresql")
}

func TestLogWriterReceivesServerLog(t *testing.T) {
	var log syncBuffer
	srv := pgtemp.StartTB(t, pgtemp.WithLogWriter(&log))
	require.NoError(t, srv.Stop())
	require.Contains(t, log.String(), "database system is ready to accept connections")
	require.Contains(t, log.String(), "database system is shut down")
}

func TestWithTempDir(t *testing.T) {
	parent := reachableTempDir(t)
	srv := pgtemp.StartTB(t, pgtemp.WithTempDir(parent))
	require.Equal(t, parent, filepath.Dir(srv.Dir()))
	queryDatabase(t, testContext(t), srv.DSN("postgres"), "postgres")
	require.NoError(t, srv.Stop())
	entries, err := os.ReadDir(parent)
	require.NoError(t, err)
	require.Empty(t, entries, "Stop leaves nothing in the temp dir")
}

func TestWithTempDirUnreachableForNobody(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to nobody")
	}
	_, err := pgtemp.Start(testContext(t), pgtemp.WithTempDir(t.TempDir())) // mode 0700
	require.ErrorContains(t, err, "postgres runs as nobody, which cannot enter")
}

func TestStartReapsOrphanedFolders(t *testing.T) {
	parent := reachableTempDir(t)
	orphan := filepath.Join(parent, "pgtemp-orphan")
	require.NoError(t, os.MkdirAll(filepath.Join(orphan, "data"), 0o700))
	require.NoError(t, ownertest.Killed(t).Mark(orphan))
	unknown := filepath.Join(parent, "pgtemp-unknown")
	require.NoError(t, os.Mkdir(unknown, 0o700))

	pgtemp.StartTB(t, pgtemp.WithTempDir(parent))
	require.NoDirExists(t, orphan, "folder of a dead owner is removed")
	require.DirExists(t, unknown, "folder without owner file is kept")
}

// reachableTempDir returns an empty t.TempDir() that any user can enter.
func reachableTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(dir), 0o755))
	require.NoError(t, os.Chmod(dir, 0o755))
	return dir
}

func databaseExists(t *testing.T, ctx context.Context, srv *pgtemp.Server, name string) bool {
	t.Helper()
	conn, err := pgx.Connect(ctx, srv.DSN("postgres"))
	require.NoError(t, err)
	defer conn.Close(ctx)
	var exists bool
	err = conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists)
	require.NoError(t, err)
	return exists
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// BenchmarkStart measures Start with a warm template cache (the first,
// untimed Start fills it) and reports the mean start and stop times, with
// the server folder under os.TempDir() and, where it exists, on the tmpfs
// /dev/shm.
func BenchmarkStart(b *testing.B) {
	b.Run("tempdir", func(b *testing.B) { benchmarkStart(b) })
	b.Run("devshm", func(b *testing.B) {
		if info, err := os.Stat("/dev/shm"); err != nil || !info.IsDir() {
			b.Skip("no /dev/shm")
		}
		benchmarkStart(b, pgtemp.WithTempDir("/dev/shm"))
	})
}

func benchmarkStart(b *testing.B, opts ...pgtemp.Option) {
	ctx := testContext(b)
	warm, err := pgtemp.Start(ctx, opts...)
	require.NoError(b, err)
	require.NoError(b, warm.Stop())

	var starting, stopping time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		srv, err := pgtemp.Start(ctx, opts...)
		t1 := time.Now()
		require.NoError(b, err)
		require.NoError(b, srv.Stop())
		starting += t1.Sub(t0)
		stopping += time.Since(t1)
		n++
	}
	b.ReportMetric(float64(starting.Microseconds())/1e3/float64(n), "start-ms/op")
	b.ReportMetric(float64(stopping.Microseconds())/1e3/float64(n), "stop-ms/op")
}

// TestTheServerLogMasksPasswords: a statement quoted in the server log (an
// error's STATEMENT line) reaches the log writer with its password masked.
func TestTheServerLogMasksPasswords(t *testing.T) {
	ctx := testContext(t)
	var log strings.Builder
	srv, err := pgtemp.Start(ctx, pgtemp.WithLogWriter(&log))
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Stop() })
	conn, err := pgx.Connect(ctx, srv.DSN("postgres"))
	require.NoError(t, err)
	_, err = conn.Exec(ctx, "ALTER ROLE nobody_here PASSWORD 's3cret'")
	require.Error(t, err, "the role does not exist, so the server logs the statement")
	require.NoError(t, conn.Close(ctx))
	require.NoError(t, srv.Stop()) // the log is complete once Stop returns
	require.Contains(t, log.String(), "PASSWORD 'REDACTED'")
	require.NotContains(t, log.String(), "s3cret")
}
