// Package contexts lists every bounded context the mallbots binary can run.
package contexts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mallbots/mallbots/system/baskets"
	"github.com/mallbots/mallbots/system/customers"
	"github.com/mallbots/mallbots/system/platform/host"
	"github.com/mallbots/mallbots/system/stores"
)

// All returns every context, in start order.
func All() []host.Module {
	return []host.Module{stores.Module{}, customers.Module{}, baskets.Module{}}
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
func Select(list string) ([]host.Module, error) {
	if list == "" || list == "all" {
		return All(), nil
	}
	var picked []host.Module
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(All(), func(m host.Module) bool { return m.Name() == name })
		if i < 0 {
			return nil, fmt.Errorf("unknown context %q (known: %s)", name, strings.Join(Names(), ", "))
		}
		picked = append(picked, All()[i])
	}
	return picked, nil
}
