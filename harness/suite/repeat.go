package suite

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mallbots/mallbots/harness/flakes"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

// repetitions runs the features cfg.Repeat times and keeps the flake report.
type repetitions struct {
	cfg    Config
	rt     runtime.Runtime
	topo   topology.Topology
	shared runtime.Environment // nil with cfg.Fresh
	dir    string              // reports/runs: a folder per run
	report *flakes.Report
}

// repeat runs the features cfg.Repeat times, in one environment or, with
// cfg.Fresh, each in an environment of its own; it prints a line per run
// and writes the flake report. Nothing is retried: every outcome counts.
// Each run's console output and reports go to reports/runs/<n>/, kept
// only when a scenario failed.
func repeat(ctx context.Context, cfg Config, rt runtime.Runtime, topo topology.Topology) (res Result, err error) {
	begin := time.Now()
	r := &repetitions{cfg: cfg, rt: rt, topo: topo, dir: filepath.Join(cfg.ReportsDir, "runs"),
		report: &flakes.Report{Runtime: rt.Name(), Topology: topo.Name, Tags: cfg.Tags, Fresh: cfg.Fresh, Repeat: cfg.Repeat}}
	if err := os.RemoveAll(r.dir); err != nil {
		return Result{Code: 1}, fmt.Errorf("clear the runs of last time: %w", err)
	}
	if !cfg.Fresh {
		env, closeEnv, err := bringUp(ctx, cfg, rt, topo)
		if err != nil {
			return Result{Code: 1}, err
		}
		defer func() {
			if cerr := closeEnv(); cerr != nil && err == nil {
				res.Code, err = 1, cerr
			}
		}()
		r.shared, res.Startup = env, env.StartupTime()
	}
	fmt.Fprintf(cfg.Console, "running the features %d times; each run's output and reports: %s/<run>/, kept when a scenario failed\n",
		cfg.Repeat, r.dir)
	for n := 1; n <= cfg.Repeat && r.report.Stopped == ""; n++ {
		if err = r.run(ctx, n); err != nil {
			r.report.Stopped = err.Error()
		}
	}
	_ = os.Remove(r.dir) // only when empty: no run failed
	r.report.WallSeconds = time.Since(begin).Seconds()
	return r.finish(res, err)
}

// run runs the features once, as run n, and adds its outcomes to the report.
func (r *repetitions) run(ctx context.Context, n int) (err error) {
	dir := filepath.Join(r.dir, strconv.Itoa(n))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("run %d: %w", n, err)
	}
	console, err := os.Create(filepath.Join(dir, "console.txt"))
	if err != nil {
		return fmt.Errorf("run %d: %w", n, err)
	}
	defer console.Close()
	cfg := r.cfg
	cfg.ReportsDir, cfg.Console, cfg.TestingT = dir, console, nil
	if cfg.Randomize < 0 {
		// A seed of each run's own, recorded, so that a failure's order can be replayed.
		cfg.Randomize = rand.Int64N(1<<31) + 1
	}
	env, startup := r.shared, time.Duration(0)
	if env == nil {
		fresh, closeEnv, err := bringUp(ctx, cfg, r.rt, r.topo)
		if err != nil {
			return fmt.Errorf("run %d: %w", n, err)
		}
		defer func() { err = errors.Join(err, closeEnv()) }()
		env, startup = fresh, fresh.StartupTime()
	}
	res, err := runFeatures(ctx, cfg, r.topo, env, r.rt.Name(), Result{Startup: startup})
	if ctx.Err() != nil {
		// Scenarios cut short by Ctrl-C are not flakes: the run is not counted.
		return fmt.Errorf("interrupted during run %d", n)
	}
	if res.Outcomes != nil {
		failed := res.Failed+res.QuarantinedFailed > 0
		run := flakes.Run{N: n, Seed: max(cfg.Randomize, 0)}
		if failed {
			run.Reports = dir
		}
		run = r.report.Add(run, res.Wall, startup, res.Outcomes)
		fmt.Fprintln(r.cfg.Console, run.Progress(r.cfg.Repeat))
		if !failed && err == nil {
			_ = os.RemoveAll(dir)
		}
	}
	if err != nil {
		return fmt.Errorf("run %d: %w (see %s)", n, err, dir)
	}
	return nil
}

// finish writes the flake report, prints its summary and says how the
// repeated run ended.
func (r *repetitions) finish(res Result, err error) (Result, error) {
	jsonPath, htmlPath, werr := r.report.Write(r.cfg.ReportsDir)
	r.report.Summary(r.cfg.Console)
	if werr == nil {
		fmt.Fprintf(r.cfg.Console, "flake report: %s, %s\n", jsonPath, htmlPath)
	}
	res.Wall = time.Duration(r.report.WallSeconds * float64(time.Second))
	res.Scenarios, res.Failed = len(r.report.Scenarios), len(r.report.Failing())
	for _, s := range r.report.Quarantined() {
		res.Quarantined++
		if s.Failed > 0 {
			res.QuarantinedFailed++
		}
	}
	if res.Code == 0 && !r.report.Passed() {
		res.Code = 1
	}
	return res, errors.Join(err, werr)
}
