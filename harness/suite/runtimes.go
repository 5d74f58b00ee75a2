package suite

import (
	"fmt"
	"os"

	"github.com/mallbots/mallbots/harness/containers"
	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/remote"
	"github.com/mallbots/mallbots/harness/runtime"
)

// RuntimeFor returns the runtime a run asked for.
func RuntimeFor(cfg Config) (runtime.Runtime, error) {
	progress := cfg.Console
	if progress == nil { // e2e up: no console configured
		progress = os.Stdout
	}
	switch cfg.Runtime {
	case "local":
		return local.New(local.WithSagaStepTimeout(cfg.SagaStep), local.WithProgress(progress)), nil
	case "containers":
		return containers.New(containers.WithSagaStepTimeout(cfg.SagaStep), containers.WithProgress(progress)), nil
	case "remote":
		return remote.New()
	}
	return nil, fmt.Errorf("unknown runtime %q (available: local, containers, remote)", cfg.Runtime)
}
