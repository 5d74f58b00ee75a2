package pgtemp

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const (
	// tbStartTimeout bounds StartTB, including a first initdb.
	tbStartTimeout = 2 * time.Minute
	// tbDatabaseTimeout bounds creating or dropping a test database.
	tbDatabaseTimeout = 30 * time.Second
)

var databaseSeq atomic.Int64

// StartTB starts a server for a test and stops it in the test's Cleanup.
// It fails the test if the server cannot start.
func StartTB(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), tbStartTimeout)
	defer cancel()
	s, err := Start(ctx, opts...)
	tb.Cleanup(func() {
		if s == nil {
			return
		}
		if err := s.Stop(); err != nil {
			tb.Errorf("pgtemp: %v", err)
		}
	})
	if err != nil {
		tb.Fatalf("pgtemp: %v", err)
	}
	return s
}

// NewDatabaseTB creates a database with a unique name for the test, drops
// it in the test's Cleanup, and returns its DSN.
func NewDatabaseTB(tb testing.TB, s *Server) string {
	tb.Helper()
	name := testDatabaseName(tb.Name())
	ctx, cancel := context.WithTimeout(tb.Context(), tbDatabaseTimeout)
	defer cancel()
	dsn, err := s.CreateDatabase(ctx, name)
	tb.Cleanup(func() {
		if s.stopped.Load() {
			return // the folder, and the database with it, is gone
		}
		ctx, cancel := context.WithTimeout(context.Background(), tbDatabaseTimeout)
		defer cancel()
		if err := s.DropDatabase(ctx, name); err != nil {
			tb.Errorf("pgtemp: %v", err)
		}
	})
	if err != nil {
		tb.Fatalf("pgtemp: %v", err)
	}
	return dsn
}

// testDatabaseName turns a test name into a unique database name of at
// most 63 bytes: t_<name>_<sequence>_<random>.
func testDatabaseName(testName string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(testName) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
		if b.Len() >= 36 {
			break
		}
	}
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix) // never fails
	base := strings.Trim(b.String(), "_")
	return fmt.Sprintf("t_%s_%d_%s", base, databaseSeq.Add(1), hex.EncodeToString(suffix))
}
