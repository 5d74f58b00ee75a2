package suite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cucumber/godog"

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
	// Code is godog's exit code: 0 passed, 1 failed, 2 usage error.
	Code      int
	Startup   time.Duration
	Wall      time.Duration
	Scenarios int
	Failed    int
}

// Run runs the features and always tears the environment down.
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
	if cfg.Runtime == "remote" {
		// A shared environment runs only scenarios that are safe there.
		cfg.Tags = remote.RequiredTags(cfg.Tags)
	}
	fmt.Fprintf(cfg.Console, "starting the system: runtime %s, topology %s (%d services)\n",
		rt.Name(), topo.Name, len(topo.Services))
	env, err := rt.Up(ctx, topo)
	if err != nil {
		return Result{Code: 1}, fmt.Errorf("bring the system up: %w", err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if cerr := env.Close(closeCtx); cerr != nil && err == nil {
			err = fmt.Errorf("tear the system down: %w", cerr)
		}
	}()
	res.Startup = env.StartupTime()
	fmt.Fprintf(cfg.Console, "environment up in %s\n", res.Startup.Round(time.Millisecond))
	return runFeatures(ctx, cfg, topo, env, rt.Name(), res)
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
		TestingT: cfg.TestingT,
	}
	locations, err := scenarioLocations(*opts)
	if err != nil {
		return Result{Code: 2}, fmt.Errorf("read the features: %w", err)
	}
	rec := newRecorder(locations, env.Endpoints())
	start := time.Now()
	res.Code = godog.TestSuite{
		Name:                "mallbots",
		ScenarioInitializer: func(sc *godog.ScenarioContext) { steps.Initialize(sc, w, rec.observe) },
		Options:             opts,
	}.Run()
	res.Wall = time.Since(start)
	res.Scenarios, res.Failed, err = countScenarios(filepath.Join(cfg.ReportsDir, "cucumber.json"))
	doc := ""
	if err == nil {
		doc, err = writeLivingDoc(cfg.ReportsDir, rec, headline(cfg, runtimeName, topo, res)+" · "+start.Format("2006-01-02 15:04 MST"))
	}
	summarize(cfg, runtimeName, topo, res, doc)
	return res, err
}

// writeLivingDoc writes the interactions sidecar next to cucumber.json and
// renders the living documentation from both; it returns the page's path.
func writeLivingDoc(dir string, rec *recorder, run string) (string, error) {
	sidecar := filepath.Join(dir, "interactions.json")
	if err := report.WriteInteractions(sidecar, rec.log.Interactions()); err != nil {
		return "", err
	}
	page, err := report.Load(filepath.Join(dir, "cucumber.json"), sidecar)
	if err != nil {
		return "", err
	}
	page.Run = run
	path := filepath.Join(dir, "living-doc.html")
	return path, page.WriteFile(path)
}

// formats is the console format plus the cucumber JSON and JUnit files.
func formats(cfg Config) (string, error) {
	dir, err := filepath.Abs(cfg.ReportsDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("reports folder: %w", err)
	}
	return fmt.Sprintf("%s,cucumber:%s,junit:%s", cfg.Format,
		filepath.Join(dir, "cucumber.json"), filepath.Join(dir, "junit.xml")), nil
}

// headline is the verdict: "passed · 3 scenarios, 0 failed · runtime local · topology microservices".
func headline(cfg Config, runtimeName string, topo topology.Topology, res Result) string {
	verdict := "passed"
	if res.Code != 0 {
		verdict = "FAILED"
	}
	return fmt.Sprintf("%s · %d scenarios, %d failed · runtime %s · topology %s",
		verdict, res.Scenarios, res.Failed, runtimeName, topo.Name)
}

func summarize(cfg Config, runtimeName string, topo topology.Topology, res Result, doc string) {
	fmt.Fprintf(cfg.Console, "\n%s · environment up in %s · suite %s wall · concurrency %d\n",
		headline(cfg, runtimeName, topo, res), res.Startup.Round(time.Millisecond),
		res.Wall.Round(time.Millisecond), cfg.Concurrency)
	fmt.Fprintf(cfg.Console, "reports: %s/cucumber.json, %s/junit.xml, %s/interactions.json\n",
		cfg.ReportsDir, cfg.ReportsDir, cfg.ReportsDir)
	if doc != "" {
		fmt.Fprintf(cfg.Console, "living documentation: %s\n", doc)
	}
}
