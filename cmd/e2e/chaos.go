package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mallbots/mallbots/harness/chaos"
	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/suite"
	"github.com/mallbots/mallbots/harness/topology"
)

// chaosArgs are the flags of e2e chaos.
type chaosArgs struct {
	env    suite.Config
	chaos  chaos.Settings
	faults string
	list   bool
}

func parseChaos(args []string) (chaosArgs, error) {
	var a chaosArgs
	fs := flag.NewFlagSet("e2e chaos", flag.ContinueOnError)
	envFlags(fs, &a.env, "local or containers", "chaos.json")
	fs.StringVar(&a.faults, "faults", env("FAULTS", "all"), "comma-separated faults to inject, one phase each, or all (--list names them) [FAULTS]")
	fs.BoolVar(&a.list, "list", false, "print the faults this runtime and topology offer, and exit")
	fs.Float64Var(&a.chaos.Rate, "rate", 15, "checkouts started per second in each phase")
	fs.DurationVar(&a.chaos.Window, "window", 4*time.Second, "how long each phase starts checkouts")
	fs.DurationVar(&a.chaos.At, "at", 1500*time.Millisecond, "when, into the window, the fault strikes")
	fs.DurationVar(&a.chaos.Down, "down", 2*time.Second, "how long the fault lasts")
	fs.StringVar(&a.chaos.Until, "until", load.StageCompleted, "where a journey ends: approved, or completed (the driver plays the bots and pays)")
	fs.DurationVar(&a.chaos.Settle, "settle", time.Minute, "how long to wait after the window for the system to be quiet")
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	if fs.NArg() > 0 {
		return a, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if a.env.Runtime == "remote" {
		return a, fmt.Errorf("chaos needs fault controls: use --runtime local or containers, not remote")
	}
	a.chaos.Runtime, a.chaos.Topology, a.chaos.Progress = a.env.Runtime, a.env.Topology, os.Stderr
	return a, a.chaos.Validate()
}

// chaosCommand brings the system up, runs one phase per fault, prints the
// counts per fault and writes reports/chaos.json. It exits 1 when a phase
// broke a promise or the run was interrupted.
func chaosCommand(ctx context.Context, args []string) (int, error) {
	a, err := parseChaos(args)
	if err != nil {
		return 2, err
	}
	topo, err := topology.ByName(a.env.Topology)
	if err != nil {
		return 2, err
	}
	offered := chaos.Faults(topo, a.env.Runtime == "containers")
	faults, err := chaos.Select(offered, a.faults)
	if err != nil || a.list {
		return listFaults(offered, err)
	}
	envr, rt, topo, stop, err := startEnv(ctx, a.env)
	if err != nil {
		return 1, err
	}
	defer stop()
	t, err := chaos.NewTarget(ctx, envr, topo)
	if err != nil {
		return 1, err
	}
	defer t.Close()
	fmt.Fprintf(os.Stderr, "system up in %s (runtime %s, topology %s); %d phases of %s at %.0f checkouts/s...\n",
		envr.StartupTime().Round(time.Millisecond), rt.Name(), topo.Name, len(faults), a.chaos.Window, a.chaos.Rate)
	rep, err := chaos.Run(ctx, t, faults, a.chaos, os.Stdout)
	rep.WriteSummary(os.Stdout)
	if werr := a.write(rep); werr != nil {
		return 1, werr
	}
	if err != nil {
		return 1, err
	}
	if !rep.Passed() {
		return 1, nil
	}
	return 0, nil
}

func listFaults(all []chaos.Fault, err error) (int, error) {
	if err != nil {
		return 2, err
	}
	for _, f := range all {
		fmt.Printf("%-20s %s\n", f.Name, f.What)
	}
	return 0, nil
}

func (a chaosArgs) write(rep chaos.Report) error {
	if err := os.MkdirAll(a.env.ReportsDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(a.env.ReportsDir, "chaos.json")
	if err := rep.WriteJSON(path); err != nil {
		return err
	}
	fmt.Printf("report: %s\n", path)
	return nil
}
