package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/system/platform/redact"
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
	fmt.Printf("system up in %s (runtime %s, topology %s)\n\n", env.StartupTime().Round(time.Millisecond), rt.Name(), topo.Name)
	printEndpoints(os.Stdout, env.Endpoints())
	fmt.Println("\nPress Ctrl-C to stop and clean up.")
	<-ctx.Done()
	fmt.Println("\nstopping...")
	return 0, nil
}

// printEndpoints writes where everything is, without the passwords an
// endpoint of the remote runtime may carry.
func printEndpoints(w io.Writer, e runtime.Endpoints) {
	fmt.Fprintf(w, "  NATS          %s\n  SMS provider  %s\n", redact.URL(e.NATS), redact.URL(e.SMSProvider))
	names := make([]string, 0, len(e.Contexts))
	for name := range e.Contexts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-13s %s\n", name, redact.URL(e.Contexts[name]))
	}
}
