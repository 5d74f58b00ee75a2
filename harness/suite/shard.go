package suite

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/shard"
)

// sharding is the part of the selected scenarios that one shard of the run
// runs (Config.Shard), and what its reports need: the features as godog
// reads them for it, the numbers of example rows, its manifest.
type sharding struct {
	spec     shard.Spec
	fs       shardFS
	rows     map[shard.Scenario]int
	manifest shard.Manifest
}

// planShard splits the scenarios cfg selects into cfg.Shard's count of
// shards and keeps the one cfg.Shard names; nil without cfg.Shard.
func planShard(cfg Config, runtimeName, topologyName string) (*sharding, error) {
	spec, err := shard.Parse(cfg.Shard)
	if err != nil || spec.IsZero() {
		return nil, err
	}
	timings, split, err := readTimings(cfg.ShardTimings)
	if err != nil {
		return nil, err
	}
	features, err := godog.TestSuite{Options: &godog.Options{Paths: cfg.Paths, Tags: cfg.Tags}}.RetrieveFeatures()
	if err != nil {
		return nil, fmt.Errorf("read the features: %w", err)
	}
	files := make([]featureFile, len(features))
	var all []shard.Scenario
	for i, f := range features {
		files[i] = fileOf(f.Uri, f.GherkinDocument, f.Pickles, f.Content)
		all = append(all, files[i].selected...)
	}
	mine := shard.Split(all, spec.Count, timings)[spec.Index-1]
	s := &sharding{spec: spec, fs: shardFS{}, rows: map[shard.Scenario]int{},
		manifest: shard.Manifest{Shard: spec.Index, Of: spec.Count, Total: len(all), Selection: shard.Fingerprint(all),
			Split: split, Runtime: runtimeName, Topology: topologyName, Scenarios: []string{}}}
	kept := map[shard.Scenario]bool{}
	for _, sc := range mine {
		kept[sc] = true
		s.manifest.Scenarios = append(s.manifest.Scenarios, sc.String())
	}
	for _, f := range files {
		f.serve(s, kept)
	}
	return s, nil
}

// readTimings reads the scenarios' durations from an earlier run's
// cucumber JSON; the split is "count" without one, else "timings" and the
// file's fingerprint, which every shard of the run must share.
func readTimings(path string) (shard.Timings, string, error) {
	if path == "" {
		return nil, "count", nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("shard timings: %w", err)
	}
	var features []report.Feature
	if err := json.Unmarshal(data, &features); err != nil {
		return nil, "", fmt.Errorf("shard timings: %s is not cucumber JSON: %w", path, err)
	}
	sum := sha256.Sum256(data)
	return shard.TimingsOf(features), "timings sha256:" + hex.EncodeToString(sum[:])[:16], nil
}

// featureFile is a feature file as the split sees it.
type featureFile struct {
	uri, path string
	doc       *godog.GherkinDocument
	content   []byte
	blocks    []block
	selected  []shard.Scenario
}

// fileOf reads which scenarios of a feature file the run selects: its
// pickles, each where its scenario or example row is written.
func fileOf(uri string, doc *godog.GherkinDocument, pickles []*godog.Scenario, content []byte) featureFile {
	f := featureFile{uri: uri, path: pathLine.ReplaceAllString(uri, ""), doc: doc, content: content, blocks: blocksOf(doc)}
	lines := map[string]int{}
	for _, b := range f.blocks {
		if b.scenario != nil {
			lines[b.scenario.id] = b.scenario.line
			for _, r := range b.scenario.rows {
				lines[r.id] = r.line
			}
		}
	}
	for _, p := range pickles {
		if n := len(p.AstNodeIds); n > 0 {
			f.selected = append(f.selected, shard.Scenario{URI: uri, Line: lines[p.AstNodeIds[n-1]]})
		}
	}
	return f
}

// serve adds the file to the shard's features, its other shards'
// scenarios blanked when it has some, and notes its rows' numbers.
func (f featureFile) serve(s *sharding, kept map[shard.Scenario]bool) {
	for _, b := range f.blocks {
		if b.scenario != nil {
			for _, r := range b.scenario.rows {
				s.rows[shard.Scenario{URI: f.uri, Line: r.line}] = r.number
			}
		}
	}
	selected, mine := map[int]bool{}, map[int]bool{}
	for _, sc := range f.selected {
		selected[sc.Line] = true
		mine[sc.Line] = kept[sc]
	}
	for _, sc := range f.selected {
		if !kept[sc] {
			s.fs[f.path] = blankOthers(f.content, f.doc, selected, mine)
			return
		}
	}
}

// featureFS is where godog reads the features from: nil (the disk) unless
// the run is a shard.
func (s *sharding) featureFS() fs.FS {
	if s == nil {
		return nil
	}
	return s.fs
}

// label says which shard a run is, after its headline.
func (s *sharding) label() string {
	if s == nil {
		return ""
	}
	return " · shard " + s.spec.String()
}

// renumberRows gives the example rows in the shard's cucumber JSON the ids
// one run gives them (shard.RenumberRows).
func (s *sharding) renumberRows(path string) error {
	if s == nil {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read cucumber report: %w", err)
	}
	out, err := shard.RenumberRows(data, s.rows)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

// writeManifest writes the shard's manifest beside its reports, last, so
// that a manifest vouches for the reports next to it.
func (s *sharding) writeManifest(dir string, start time.Time, res Result) error {
	if s == nil {
		return nil
	}
	m := s.manifest
	m.Started, m.Startup, m.Wall = start, res.Startup.Seconds(), res.Wall.Seconds()
	return m.Write(dir)
}

// prepare removes the shard manifest of an earlier run from the reports
// folder, so that a run that dies leaves none.
func (s *sharding) prepare(dir string) error {
	if s == nil {
		return nil
	}
	return shard.RemoveManifest(dir)
}

// emptyShard writes the reports of a shard that has no scenario (more
// shards than scenarios): empty, and nothing is started.
func emptyShard(cfg Config, runtimeName string, topologyName string) (Result, error) {
	if err := os.MkdirAll(cfg.ReportsDir, 0o755); err != nil {
		return Result{Code: 1}, fmt.Errorf("reports folder: %w", err)
	}
	fmt.Fprintf(cfg.Console, "shard %s has no scenario of the %d selected: nothing to start\n",
		cfg.sharding.spec, cfg.sharding.manifest.Total)
	if err := os.WriteFile(filepath.Join(cfg.ReportsDir, "cucumber.json"), []byte("[]\n"), 0o644); err != nil {
		return Result{Code: 1}, fmt.Errorf("write cucumber report: %w", err)
	}
	return reportRun(cfg, runtimeName, topologyName, &recorder{}, time.Now(), Result{})
}
