package main

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// up starts the system, prints where everything is, and waits for Ctrl-C.
func up(ctx context.Context, args []string) (int, error) {
	cfg, err := parseConfig("up", args)
	if err != nil {
		return 2, err
	}
	env, rt, topo, stop, err := startEnv(ctx, cfg)
	if err != nil {
		return 1, err
	}
	defer stop()
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
