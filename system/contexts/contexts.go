// Package contexts lists every bounded context the mallbots binary can run.
package contexts

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/baskets"
	"github.com/mallbots/mallbots/system/cosec"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/depot"
	"github.com/mallbots/mallbots/system/notifications"
	"github.com/mallbots/mallbots/system/ordering"
	"github.com/mallbots/mallbots/system/payments"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/search"
	"github.com/mallbots/mallbots/system/stores"
)

// Config tunes contexts from the command line.
type Config struct {
	// SagaStepTimeout is the create-order saga's per-step deadline (0: its default).
	SagaStepTimeout time.Duration
}

// All returns every context, in start order.
func All() []host.Module { return Configured(Config{}) }

// Configured returns every context, tuned by cfg, in start order.
func Configured(cfg Config) []host.Module {
	return []host.Module{stores.Module{}, customers.Module{}, baskets.Module{}, ordering.Module{}, payments.Module{}, depot.Module{},
		cosec.Module{StepTimeout: cfg.SagaStepTimeout}, notifications.Module{}, search.Module{}}
}

// Names returns the names of every context.
func Names() []string {
	var names []string
	for _, m := range All() {
		names = append(names, m.Name())
	}
	return names
}

// Select returns the modules named in a comma-separated list; "all" or ""
// selects every context. Unknown names are an error listing the known ones.
func Select(list string, cfg Config) ([]host.Module, error) {
	all := Configured(cfg)
	if list == "" || list == "all" {
		return all, nil
	}
	var picked []host.Module
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(all, func(m host.Module) bool { return m.Name() == name })
		if i < 0 {
			return nil, fmt.Errorf("unknown context %q (known: %s)", name, strings.Join(Names(), ", "))
		}
		picked = append(picked, all[i])
	}
	return picked, nil
}
