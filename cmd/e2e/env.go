package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/suite"
	"github.com/mallbots/mallbots/harness/topology"
)

// startEnv brings the configured system up; stop tears it down, also when
// ctx was cancelled (Ctrl-C).
func startEnv(ctx context.Context, cfg suite.Config) (env runtime.Environment, rt runtime.Runtime, topo topology.Topology, stop func(), err error) {
	if topo, err = topology.ByName(cfg.Topology); err != nil {
		return nil, nil, topo, nil, err
	}
	if rt, err = suite.RuntimeFor(cfg); err != nil {
		return nil, nil, topo, nil, err
	}
	if env, err = rt.Up(ctx, topo); err != nil {
		return nil, nil, topo, nil, err
	}
	stop = func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := env.Close(closeCtx); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: teardown:", err)
		}
	}
	return env, rt, topo, stop, nil
}
