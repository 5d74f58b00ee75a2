package suite

import (
	"fmt"

	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/runtime"
)

// RuntimeFor returns the runtime a run asked for.
func RuntimeFor(cfg Config) (runtime.Runtime, error) {
	switch cfg.Runtime {
	case "local":
		return local.New(local.WithSagaStepTimeout(cfg.SagaStep)), nil
	}
	return nil, fmt.Errorf("unknown runtime %q (available: local)", cfg.Runtime)
}
