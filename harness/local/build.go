package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mallbots/mallbots/harness/gocmd"
)

// Binaries are the programs the local runtime starts.
type Binaries struct {
	Mallbots    string
	SMSProvider string
}

// ModuleRoot finds the folder holding go.mod, from the working directory up.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory: run from the repository")
		}
		dir = parent
	}
}

// Build compiles the binaries into root/bin (a no-op when nothing changed,
// thanks to Go's build cache).
func Build(ctx context.Context, root string) (Binaries, error) {
	out := filepath.Join(root, "bin")
	msg, err := gocmd.Output(ctx, root, nil, "build", "-o", out+string(filepath.Separator),
		"./cmd/mallbots", "./cmd/smsprovider")
	if err != nil {
		return Binaries{}, fmt.Errorf("build the system: %w\n%s", err, msg)
	}
	return Binaries{Mallbots: filepath.Join(out, "mallbots"), SMSProvider: filepath.Join(out, "smsprovider")}, nil
}
