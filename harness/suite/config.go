// Package suite runs the Gherkin features: it brings the system up on a
// runtime, starts the event tap, runs godog with the steps of package steps,
// writes cucumber JSON and JUnit XML reports, prints a summary with the
// environment's start time and the suite's wall time, and tears everything
// down, also on failure and on Ctrl-C. With Config.Repeat it runs the
// features that many times and writes the flake report (package flakes).
// Scenarios tagged @quarantine run but fail nothing (QuarantineTag). With
// Config.Shard it runs one shard of the scenarios; Merge merges the
// shards' reports into those of one run.
package suite

import (
	"errors"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/mallbots/mallbots/harness/shard"
)

// Config configures a run.
type Config struct {
	Runtime     string // local (default)
	Topology    string // microservices (default) or monolith
	Tags        string // godog tag expression, e.g. "@stores && ~@slow"
	Concurrency int    // scenarios run at once (default 4)
	Paths       []string
	ReportsDir  string
	Console     io.Writer
	Format      string // console format: progress (default) or pretty
	Randomize   int64  // 0 in file order, -1 random seed
	Await       time.Duration
	// SagaStep overrides the create-order saga's step deadline (0: the
	// system's own, 10 s, which the @chaos promises rely on: a crashed
	// participant's messages come back after the 5 s ack wait).
	SagaStep time.Duration
	TestingT *testing.T
	// Repeat, when above zero, runs the features that many times and
	// writes the flake report; Fresh brings a new environment up for each
	// run instead of one for all.
	Repeat int
	Fresh  bool
	// Shard, "i/n", runs only the i-th of n shards of the selected
	// scenarios (package shard) and writes a shard manifest beside the
	// reports, for Merge; ShardTimings, an earlier run's cucumber JSON,
	// balances the shards by its durations instead of by count.
	Shard        string
	ShardTimings string

	sharding *sharding // this shard's part, from Shard
}

func (c *Config) setDefaults() {
	if c.Runtime == "" {
		c.Runtime = "local"
	}
	if c.Concurrency == 0 {
		c.Concurrency = 4
	}
	if len(c.Paths) == 0 {
		c.Paths = []string{"features"}
	}
	if c.ReportsDir == "" {
		c.ReportsDir = "reports"
	}
	if c.Console == nil {
		c.Console = os.Stdout
	}
	if c.Format == "" {
		c.Format = "progress"
	}
	if c.Await == 0 {
		c.Await = 10 * time.Second
	}
}

// Validate reports every configuration problem at once.
func (c Config) Validate() error {
	var errs []error
	if c.Concurrency < 1 {
		errs = append(errs, fmt.Errorf("concurrency must be at least 1, got %d", c.Concurrency))
	}
	if c.Format != "progress" && c.Format != "pretty" {
		errs = append(errs, fmt.Errorf("console format %q: want progress or pretty", c.Format))
	}
	if c.Repeat < 0 {
		errs = append(errs, fmt.Errorf("repeat must not be negative, got %d", c.Repeat))
	}
	if c.Fresh && c.Repeat == 0 {
		errs = append(errs, errors.New("a fresh environment for each run needs runs to repeat: give repeat N"))
	}
	if _, err := shard.Parse(c.Shard); err != nil {
		errs = append(errs, err)
	}
	if c.Shard != "" && c.Repeat > 0 {
		errs = append(errs, errors.New("a shard does not repeat: give either shard or repeat"))
	}
	if c.ShardTimings != "" && c.Shard == "" {
		errs = append(errs, errors.New("shard timings balance shards: give a shard i/n too"))
	}
	for _, p := range c.Paths {
		if _, err := os.Stat(p); err != nil {
			errs = append(errs, fmt.Errorf("feature path %s: %w", p, err))
		}
	}
	return errors.Join(errs...)
}
