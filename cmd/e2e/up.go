package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/mallbots/mallbots/harness/suite"
	"github.com/mallbots/mallbots/harness/topology"
)

// up starts the system, prints where everything is, and waits for Ctrl-C.
func up(ctx context.Context, args []string) (int, error) {
	cfg, err := parseConfig("up", args)
	if err != nil {
		return 2, err
	}
	topo, err := topology.ByName(cfg.Topology)
	if err != nil {
		return 2, err
	}
	rt, err := suite.RuntimeFor(cfg)
	if err != nil {
		return 2, err
	}
	env, err := rt.Up(ctx, topo)
	if err != nil {
		return 1, err
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := env.Close(closeCtx); err != nil {
			fmt.Fprintln(os.Stderr, "e2e up: teardown:", err)
		}
	}()
	e := env.Endpoints()
	fmt.Printf("system up in %s (runtime %s, topology %s)\n\n", env.StartupTime().Round(time.Millisecond), rt.Name(), topo.Name)
	fmt.Printf("  NATS          %s\n  SMS provider  %s\n", e.NATS, e.SMSProvider)
	names := make([]string, 0, len(e.Contexts))
	for name := range e.Contexts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Printf("  %-13s %s\n", name, e.Contexts[name])
	}
	fmt.Println("\nPress Ctrl-C to stop and clean up.")
	<-ctx.Done()
	fmt.Println("\nstopping...")
	return 0, nil
}
