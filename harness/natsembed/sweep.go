package natsembed

import (
	"fmt"
	"os"

	"github.com/mallbots/mallbots/harness/owner"
)

// storePattern names the store folders Start creates under os.TempDir().
const storePattern = "natsembed-*"

// Sweep removes the store folders that Start created in processes that
// ended without Close (SIGKILL, `go test -timeout`), and returns them. The
// folders of live processes stay. Start sweeps before it creates one.
func Sweep() ([]string, error) {
	removed, err := owner.SweepDirs(os.TempDir(), storePattern, nil)
	if err != nil {
		return removed, fmt.Errorf("nats: %w", err)
	}
	return removed, nil
}
