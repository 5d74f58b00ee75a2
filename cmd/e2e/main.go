// Command e2e is the harness's command line:
//
//	e2e run    run the Gherkin features (the default command); with --repeat N
//	           run them N times (in one environment, or --fresh each in its
//	           own) and write a flake report (reports/flakes.json, .html);
//	           with --shard i/n only the i-th of n shards of the scenarios
//	e2e merge  merge the reports of a sharded run's shards into one set
//	e2e up     start the system, print its endpoints, wait for Ctrl-C
//	e2e load   drive the checkout journey at a rate or concurrency and report
//	           latency, throughput, errors and resource use (reports/load.*)
//	e2e chaos  drive checkouts while injecting one fault at a time (a context
//	           killed, NATS and Postgres restarted, the SMS provider failing,
//	           every message redelivered, all together) and count what was
//	           lost or duplicated (reports/chaos.json)
//	e2e steps  print the step catalogue, every step with an example
//
// Every flag has an environment variable default (RUNTIME, TOPOLOGY, TAGS,
// CONCURRENCY, REPEAT, FRESH, SHARD, SHARD_TIMINGS, REPORTS), which is how
// `make e2e RUNTIME=... TAGS=...` passes them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := dispatch(ctx, os.Args[1:])
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "e2e:", err)
	}
	os.Exit(code)
}

func dispatch(ctx context.Context, args []string) (int, error) {
	command := "run"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		command, args = args[0], args[1:]
	}
	switch command {
	case "run":
		return run(ctx, args)
	case "up":
		return up(ctx, args)
	case "load":
		return loadCommand(ctx, args)
	case "chaos":
		return chaosCommand(ctx, args)
	case "merge":
		return mergeCommand(args)
	case "steps":
		return printSteps(os.Stdout), nil
	}
	return 2, fmt.Errorf("unknown command %q (want run, merge, up, load, chaos or steps)", command)
}
