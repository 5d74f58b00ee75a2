package containers

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// ConnectTB connects a test to the Docker engine and closes the connection
// in the test's Cleanup. Without an engine the test is skipped, saying what
// was not tested and how to get one; in CI (CI set), where .ci/run starts
// the engine before the tests, it fails instead.
func ConnectTB(tb testing.TB, untested string) *Engine {
	tb.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), 10*time.Second)
	defer cancel()
	eng, err := Connect(ctx)
	if errors.Is(err, ErrNoEngine) && os.Getenv("CI") == "" {
		tb.Skipf("%s not tested: %v", untested, err)
	}
	if err != nil {
		tb.Fatalf("%s: %v", untested, err)
	}
	tb.Cleanup(func() { eng.Close() })
	return eng
}
