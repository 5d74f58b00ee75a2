package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/load/loadreport"
	"github.com/mallbots/mallbots/harness/suite"
)

// loadArgs are the flags of e2e load.
type loadArgs struct {
	env       suite.Config
	load      load.Config
	baseline  string
	tolerance string
}

func parseLoad(args []string) (loadArgs, error) {
	var a loadArgs
	fs := flag.NewFlagSet("e2e load", flag.ContinueOnError)
	envFlags(fs, &a.env, "local, containers or remote", "load.json and load.html")
	fs.Float64Var(&a.load.Rate, "rate", 0, "open loop: checkouts started per second (default 10 when no --concurrency)")
	fs.IntVar(&a.load.Concurrency, "concurrency", 0, "closed loop: customers, each checking out again when its order ends")
	fs.DurationVar(&a.load.Duration, "duration", 20*time.Second, "how long to start checkouts")
	fs.StringVar(&a.load.Until, "until", load.StageCompleted, "where a journey ends: approved, or completed (the driver plays the bots and pays)")
	fs.DurationVar(&a.load.Drain, "drain", 30*time.Second, "how long to wait after the window for orders to end")
	fs.IntVar(&a.load.Items, "items", 2, "products per basket")
	fs.StringVar(&a.baseline, "baseline", "", "a load.json to compare with; exits 1 on a regression past the tolerance")
	fs.StringVar(&a.tolerance, "tolerance", "", "baseline tolerance: one relative figure (0.25) or latency=0.25,throughput=0.1,memory=0.2,floor=5ms")
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	if a.load.Rate == 0 && a.load.Concurrency == 0 {
		a.load.Rate = 10
	}
	a.load.Runtime, a.load.Topology, a.load.Progress = a.env.Runtime, a.env.Topology, os.Stderr
	return a, a.load.Check()
}

// loadCommand brings the system up, drives it, writes reports/load.json and
// reports/load.html, prints the summary and, with --baseline, the
// comparison. It exits 1 when orders were left non-terminal, failed, or
// regressed past the tolerance.
func loadCommand(ctx context.Context, args []string) (int, error) {
	a, err := parseLoad(args)
	if err != nil {
		return 2, err
	}
	tol, base, err := a.baselineInputs()
	if err != nil {
		return 2, err
	}
	envr, rt, topo, stop, err := startEnv(ctx, a.env)
	if err != nil {
		return 1, err
	}
	defer stop()
	fmt.Fprintf(os.Stderr, "system up in %s (runtime %s, topology %s); driving load...\n",
		envr.StartupTime().Round(time.Millisecond), rt.Name(), topo.Name)
	res, err := load.Run(ctx, a.load, envr)
	if err != nil {
		return 1, err
	}
	return a.report(res, base, tol)
}

func (a loadArgs) baselineInputs() (loadreport.Tolerance, *load.Result, error) {
	tol := loadreport.DefaultTolerance()
	if a.tolerance != "" {
		var err error
		if tol, err = loadreport.ParseTolerance(a.tolerance); err != nil {
			return tol, nil, err
		}
	}
	if a.baseline == "" {
		return tol, nil, nil
	}
	base, err := load.ReadJSON(a.baseline)
	return tol, &base, err
}

func (a loadArgs) report(res load.Result, base *load.Result, tol loadreport.Tolerance) (int, error) {
	if err := os.MkdirAll(a.env.ReportsDir, 0o755); err != nil {
		return 1, err
	}
	jsonPath, htmlPath := filepath.Join(a.env.ReportsDir, "load.json"), filepath.Join(a.env.ReportsDir, "load.html")
	if err := res.WriteJSON(jsonPath); err != nil {
		return 1, err
	}
	if err := loadreport.WriteHTML(htmlPath, res); err != nil {
		return 1, err
	}
	loadreport.WriteTable(os.Stdout, res)
	if res.Interrupted {
		fmt.Printf("\ninterrupted: the figures cover the first %.1fs, without waiting for orders in flight\n", res.Elapsed)
	}
	fmt.Printf("\nreports: %s, %s\n", jsonPath, htmlPath)
	code := verdict(res)
	if base != nil {
		cmp := loadreport.Compare(res, *base, tol)
		fmt.Printf("\ncompared with %s:\n", a.baseline)
		cmp.Write(os.Stdout)
		if len(cmp.Regressions()) > 0 {
			code = 1
		}
	}
	return code, nil
}

// verdict fails a run that lost orders or was interrupted.
func verdict(res load.Result) int {
	if res.NotTerminal > 0 || res.Interrupted || res.Accepted == 0 {
		return 1
	}
	return 0
}
