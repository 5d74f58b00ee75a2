package suite

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/harness/flakes"
	"github.com/mallbots/mallbots/harness/remote"
	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/steps"
)

// Result is what a run did.
type Result struct {
	// Code is the exit code: 0 passed, 1 failed, 2 usage error. A run
	// whose only failures are quarantined scenarios passes.
	Code    int
	Startup time.Duration
	Wall    time.Duration
	// Scenarios counts every scenario that ran, quarantined ones included;
	// Failed those that failed, not counting quarantined ones.
	Scenarios         int
	Failed            int
	Quarantined       int
	QuarantinedFailed int
	// Outcomes is how each scenario ended (one run; empty for --repeat,
	// whose outcomes are in the flake report).
	Outcomes []flakes.Outcome
}

// Run runs the features, or with cfg.Repeat runs them repeatedly and
// writes the flake report, and always tears the environment down.
func Run(ctx context.Context, cfg Config) (res Result, err error) {
	cfg.setDefaults()
	if err := cfg.Validate(); err != nil {
		return Result{Code: 2}, err
	}
	topo, err := topology.ByName(cfg.Topology)
	if err != nil {
		return Result{Code: 2}, err
	}
	rt, err := RuntimeFor(cfg)
	if err != nil {
		return Result{Code: 2}, err
	}
	cfg.Tags = defaultTags(cfg.Tags, topo.Clustered())
	if cfg.Runtime == "remote" {
		// A shared environment runs only scenarios that are safe there.
		cfg.Tags = remote.RequiredTags(cfg.Tags)
	}
	if cfg.Repeat > 0 {
		return repeat(ctx, cfg, rt, topo)
	}
	if cfg.sharding, err = planShard(cfg, rt.Name(), topo.Name); err != nil {
		return Result{Code: 2}, err
	}
	if err := cfg.sharding.prepare(cfg.ReportsDir); err != nil {
		return Result{Code: 1}, err
	}
	if cfg.sharding != nil && len(cfg.sharding.manifest.Scenarios) == 0 {
		return emptyShard(cfg, rt.Name(), topo.Name)
	}
	env, closeEnv, err := bringUp(ctx, cfg, rt, topo)
	if err != nil {
		return Result{Code: 1}, err
	}
	defer func() {
		if cerr := closeEnv(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	res.Startup = env.StartupTime()
	return runFeatures(ctx, cfg, topo, env, rt.Name(), res)
}

// bringUp starts the system on rt; closeEnv tears it down, also when ctx
// was cancelled (Ctrl-C).
func bringUp(ctx context.Context, cfg Config, rt runtime.Runtime, topo topology.Topology) (
	env runtime.Environment, closeEnv func() error, err error) {
	fmt.Fprintf(cfg.Console, "starting the system: runtime %s, topology %s (%d services)\n",
		rt.Name(), topo.Name, len(topo.Services))
	if env, err = rt.Up(ctx, topo); err != nil {
		return nil, nil, fmt.Errorf("bring the system up: %w", err)
	}
	fmt.Fprintf(cfg.Console, "environment up in %s\n", env.StartupTime().Round(time.Millisecond))
	return env, func() error {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := env.Close(closeCtx); err != nil {
			return fmt.Errorf("tear the system down: %w", err)
		}
		return nil
	}, nil
}

func runFeatures(ctx context.Context, cfg Config, topo topology.Topology, env runtime.Environment,
	runtimeName string, res Result) (Result, error) {
	t, err := tap.Start(ctx, env.Endpoints().NATS)
	if err != nil {
		return Result{Code: 1}, err
	}
	defer t.Close()
	w := &world.World{Runtime: runtimeName, Topology: topo, Env: env, Tap: t, Await: cfg.Await}
	format, err := formats(cfg)
	if err != nil {
		return Result{Code: 2}, err
	}
	opts := &godog.Options{
		Format: format, Paths: cfg.Paths, Tags: cfg.Tags, Concurrency: cfg.Concurrency,
		Strict: true, Randomize: cfg.Randomize, Output: cfg.Console, DefaultContext: ctx,
		TestingT: cfg.TestingT, FS: cfg.sharding.featureFS(),
	}
	locations, err := scenarioLocations(*opts)
	if err != nil {
		return Result{Code: 2}, fmt.Errorf("read the features: %w", err)
	}
	// godog fails a test's subtest for every failed scenario, quarantined
	// or not; with quarantined scenarios selected, each is reported as a
	// subtest after the run instead (reportToTest).
	quarantine := cfg.TestingT != nil && selectsQuarantined(*opts)
	if quarantine {
		opts.TestingT = nil
	}
	rec := newRecorder(locations, env.Endpoints())
	start := time.Now()
	code := godog.TestSuite{
		Name:                "mallbots",
		ScenarioInitializer: func(sc *godog.ScenarioContext) { steps.Initialize(sc, w, rec.observe) },
		Options:             opts,
	}.Run()
	res.Wall = time.Since(start)
	res.Code = code
	res, err = reportRun(cfg, runtimeName, topo.Name, rec, start, res)
	if quarantine {
		reportToTest(cfg.TestingT, res.Outcomes)
	}
	return res, err
}

// reportRun writes the reports of a run once godog wrote its cucumber
// JSON: JUnit, the interactions sidecar and the living documentation (and
// a shard's manifest), tallies the outcomes and prints the summary.
func reportRun(cfg Config, runtimeName, topologyName string, rec *recorder, start time.Time, res Result) (Result, error) {
	cucumber := filepath.Join(cfg.ReportsDir, "cucumber.json")
	err := cfg.sharding.renumberRows(cucumber)
	var features []report.Feature
	if err == nil {
		features, err = report.ReadCucumber(cucumber)
	}
	doc := ""
	if err == nil {
		res.Outcomes = outcomesOf(features)
		res.tally(res.Code)
		err = report.JUnitOf(junitName, features).WriteFile(filepath.Join(cfg.ReportsDir, "junit.xml"))
	}
	if err == nil {
		run := headline(runtimeName, topologyName, res) + cfg.sharding.label() + " · " + start.Format("2006-01-02 15:04 MST")
		doc, err = writeLivingDoc(cfg.ReportsDir, rec, run)
	}
	summarize(cfg, runtimeName, topologyName, res, doc)
	if err == nil {
		err = cfg.sharding.writeManifest(cfg.ReportsDir, start, res)
	}
	return res, err
}

// writeLivingDoc writes the interactions sidecar next to cucumber.json and
// renders the living documentation from both; it returns the page's path.
func writeLivingDoc(dir string, rec *recorder, run string) (string, error) {
	if err := report.WriteInteractions(filepath.Join(dir, "interactions.json"), rec.log.Interactions()); err != nil {
		return "", err
	}
	return renderLivingDoc(dir, run)
}

// renderLivingDoc renders the living documentation from the cucumber JSON
// and the interactions sidecar in dir, under the line run; it returns the
// page's path.
func renderLivingDoc(dir, run string) (string, error) {
	page, err := report.Load(filepath.Join(dir, "cucumber.json"), filepath.Join(dir, "interactions.json"))
	if err != nil {
		return "", err
	}
	page.Run = run
	path := filepath.Join(dir, "living-doc.html")
	return path, page.WriteFile(path)
}

// junitName names the run in reports/junit.xml (its <testsuites>).
const junitName = "mallbots"

// formats is the console format plus the cucumber JSON file; the JUnit
// file is written from the cucumber JSON after the run (report.JUnitOf),
// since godog's own JUnit formatter writes XML that the common Jenkins JUnit
// schema rejects.
func formats(cfg Config) (string, error) {
	dir, err := filepath.Abs(cfg.ReportsDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("reports folder: %w", err)
	}
	return fmt.Sprintf("%s,cucumber:%s", cfg.Format, filepath.Join(dir, "cucumber.json")), nil
}

// headline is the verdict: "passed · 3 scenarios, 0 failed · runtime local · topology microservices".
func headline(runtimeName, topologyName string, res Result) string {
	verdict := "passed"
	if res.Code != 0 {
		verdict = "FAILED"
	}
	quarantined := ""
	if res.Quarantined > 0 {
		quarantined = fmt.Sprintf(", %d quarantined (%d failed)", res.Quarantined, res.QuarantinedFailed)
	}
	return fmt.Sprintf("%s · %d scenarios, %d failed%s · runtime %s · topology %s",
		verdict, res.Scenarios, res.Failed, quarantined, runtimeName, topologyName)
}

func summarize(cfg Config, runtimeName, topologyName string, res Result, doc string) {
	fmt.Fprintf(cfg.Console, "\n%s%s · environment up in %s · suite %s wall · concurrency %d\n",
		headline(runtimeName, topologyName, res), cfg.sharding.label(), res.Startup.Round(time.Millisecond),
		res.Wall.Round(time.Millisecond), cfg.Concurrency)
	printReports(cfg.Console, cfg.ReportsDir, doc)
	listQuarantined(cfg.Console, res.Outcomes)
}

// printReports says where the reports are.
func printReports(w io.Writer, dir, doc string) {
	fmt.Fprintf(w, "reports: %s/cucumber.json, %s/junit.xml, %s/interactions.json\n", dir, dir, dir)
	if doc != "" {
		fmt.Fprintf(w, "living documentation: %s\n", doc)
	}
}

// listQuarantined lists the quarantined scenarios that failed.
func listQuarantined(w io.Writer, outcomes []flakes.Outcome) {
	for _, o := range outcomes {
		if o.Quarantined && !o.Passed {
			first, _, _ := strings.Cut(o.Message, "\n")
			fmt.Fprintf(w, "quarantined, failed without failing the run: %s  %s\n  %s: %s\n",
				o.Where(), o.Name, o.Step, first)
		}
	}
}
