// Command mallbots runs any set of MallBots bounded contexts in one process:
// all of them (a modular monolith) or one per process (microservices).
// Configuration comes from flags, each with an environment variable default.
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
	err := run(ctx, os.Args[1:], os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mallbots:", err)
		os.Exit(1)
	}
}
