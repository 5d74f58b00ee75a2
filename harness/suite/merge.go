package suite

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mallbots/mallbots/harness/flakes"
	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/shard"
)

// MergeConfig configures a merge of a sharded run's reports.
type MergeConfig struct {
	// Dirs are the reports folders of the shards, one each.
	Dirs []string
	// ReportsDir receives the merged reports (default reports).
	ReportsDir string
	Console    io.Writer
}

// Merge merges the reports of the shards of one run (Config.Shard, each in
// a folder of its own) into the reports of one run: cucumber.json and
// interactions.json merged, junit.xml and living-doc.html rendered from
// them as a run renders its own, so that they equal an unsharded run's
// apart from timings and run-specific ids (package shard says which).
// Code is the merged run's verdict as a run gives it (1: a scenario
// failed, quarantined ones aside); 2 when the folders are not the shards
// of one run, each found once, with every scenario in exactly one.
func Merge(cfg MergeConfig) (Result, error) {
	if cfg.ReportsDir == "" {
		cfg.ReportsDir = "reports"
	}
	if cfg.Console == nil {
		cfg.Console = os.Stdout
	}
	in, err := readShards(cfg.Dirs)
	if err != nil {
		return Result{Code: 2}, err
	}
	features, err := in.write(cfg.ReportsDir)
	if err != nil {
		return Result{Code: 1}, err
	}
	res := in.result(features)
	err = report.JUnitOf(junitName, features).WriteFile(filepath.Join(cfg.ReportsDir, "junit.xml"))
	doc := ""
	if err == nil {
		doc, err = renderLivingDoc(cfg.ReportsDir, in.headline(res)+" · "+in.started().Format("2006-01-02 15:04 MST"))
	}
	in.summarize(cfg, res, doc)
	return res, err
}

// shards are the reports of a run's shards, read and checked.
type shards struct {
	dirs         []string
	manifests    []shard.Manifest
	cucumber     []shard.Part
	interactions []report.Interactions
}

// readShards reads every shard's manifest and reports, and checks that
// they make one run.
func readShards(dirs []string) (*shards, error) {
	s := &shards{dirs: dirs}
	var errs []error
	for _, dir := range dirs {
		m, err := shard.ReadManifest(dir)
		errs = append(errs, err)
		s.manifests = append(s.manifests, m)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := shard.Check(s.manifests, dirs); err != nil {
		return nil, err
	}
	for i, dir := range dirs {
		errs = append(errs, s.read(dir, s.manifests[i]))
	}
	return s, errors.Join(errs...)
}

// read reads one shard's cucumber JSON and interactions and checks that
// they hold the scenarios its manifest gave it.
func (s *shards) read(dir string, m shard.Manifest) error {
	path := filepath.Join(dir, "cucumber.json")
	features, err := report.ReadCucumber(path)
	if err != nil {
		return fmt.Errorf("shard %s: %w", m.Spec(), err)
	}
	var ran []shard.Scenario
	for _, f := range features {
		for _, e := range f.Elements {
			ran = append(ran, shard.Scenario{URI: f.URI, Line: e.Line})
		}
	}
	if err := m.CheckRan(dir, ran); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("shard %s: %w", m.Spec(), err)
	}
	in, err := report.ReadInteractions(filepath.Join(dir, "interactions.json"))
	if err != nil {
		return fmt.Errorf("shard %s: %w", m.Spec(), err)
	}
	s.cucumber = append(s.cucumber, shard.Part{From: dir, Data: data})
	s.interactions = append(s.interactions, in)
	return nil
}

// write writes the merged cucumber JSON and interactions into dir, where
// no shard manifest stays (the folder now holds a whole run), and returns
// the merged features.
func (s *shards) write(dir string) ([]report.Feature, error) {
	data, err := shard.MergeCucumber(s.cucumber)
	if err != nil {
		return nil, err
	}
	in, err := shard.MergeInteractions(s.interactions, s.dirs)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("reports folder: %w", err)
	}
	path := filepath.Join(dir, "cucumber.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return nil, fmt.Errorf("write cucumber report: %w", err)
	}
	if err := report.WriteInteractions(filepath.Join(dir, "interactions.json"), in); err != nil {
		return nil, err
	}
	if err := shard.RemoveManifest(dir); err != nil {
		return nil, err
	}
	return report.ReadCucumber(path)
}

// result is the merged run's outcome: its scenarios' and, for times, the
// slowest shard's.
func (s *shards) result(features []report.Feature) Result {
	var res Result
	for _, m := range s.manifests {
		res.Startup = max(res.Startup, seconds(m.Startup))
		res.Wall = max(res.Wall, seconds(m.Wall))
	}
	res.Outcomes = outcomesOf(features)
	if slices.ContainsFunc(res.Outcomes, func(o flakes.Outcome) bool { return !o.Passed }) {
		res.Code = 1
	}
	res.tally(res.Code)
	return res
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func (s *shards) headline(res Result) string {
	return headline(s.manifests[0].Runtime, s.manifests[0].Topology, res)
}

// started is when the first shard started.
func (s *shards) started() time.Time {
	first := s.manifests[0].Started
	for _, m := range s.manifests[1:] {
		if m.Started.Before(first) {
			first = m.Started
		}
	}
	return first.Local()
}

func (s *shards) summarize(cfg MergeConfig, res Result, doc string) {
	fmt.Fprintf(cfg.Console, "merged %d shards: %s\n", len(s.dirs), strings.Join(s.dirs, ", "))
	fmt.Fprintf(cfg.Console, "%s · slowest shard: environment up in %s, suite %s wall\n",
		s.headline(res), res.Startup.Round(time.Millisecond), res.Wall.Round(time.Millisecond))
	printReports(cfg.Console, cfg.ReportsDir, doc)
	listQuarantined(cfg.Console, res.Outcomes)
}
