package main

import (
	"flag"
	"os"
	"strconv"

	"github.com/mallbots/mallbots/harness/suite"
)

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

// envFlags registers the flags that say which system to bring up and where
// the reports go: runtime (one of runtimes), topology and reports (holding
// what).
func envFlags(fs *flag.FlagSet, cfg *suite.Config, runtimes, what string) {
	fs.StringVar(&cfg.Runtime, "runtime", env("RUNTIME", "local"), "where the system runs: "+runtimes+" [RUNTIME]")
	fs.StringVar(&cfg.Topology, "topology", env("TOPOLOGY", "microservices"),
		"microservices, monolith or cluster (microservices on three NATS nodes) [TOPOLOGY]")
	fs.StringVar(&cfg.ReportsDir, "reports", env("REPORTS", "reports"), "folder for "+what+" [REPORTS]")
}

// parseConfig reads the flags shared by run and up.
func parseConfig(name string, args []string) (suite.Config, error) {
	var cfg suite.Config
	fs := flag.NewFlagSet("e2e "+name, flag.ContinueOnError)
	envFlags(fs, &cfg, "local, containers or remote", "cucumber.json and junit.xml")
	fs.StringVar(&cfg.Tags, "tags", env("TAGS", ""), "run only scenarios matching this tag expression, e.g. @stores [TAGS]")
	fs.IntVar(&cfg.Concurrency, "concurrency", envInt("CONCURRENCY", 4), "scenarios run at once [CONCURRENCY]")
	fs.StringVar(&cfg.Format, "format", env("FORMAT", "progress"), "console output: progress or pretty [FORMAT]")
	fs.Int64Var(&cfg.Randomize, "random", 0, "run scenarios in random order with this seed (-1: pick one)")
	if name == "run" {
		fs.IntVar(&cfg.Repeat, "repeat", envInt("REPEAT", 0), "run the features N times and write the flake report reports/flakes.json [REPEAT]")
		fresh, _ := strconv.ParseBool(os.Getenv("FRESH"))
		fs.BoolVar(&cfg.Fresh, "fresh", fresh, "with --repeat: bring a new environment up for each run [FRESH]")
		fs.StringVar(&cfg.Shard, "shard", env("SHARD", ""), "run only shard i of n of the selected scenarios, e.g. 1/3, and write shard.json beside the reports for e2e merge [SHARD]")
		fs.StringVar(&cfg.ShardTimings, "shard-timings", env("SHARD_TIMINGS", ""), "with --shard: balance the shards by the scenarios' durations in this cucumber JSON of an earlier run (by count without) [SHARD_TIMINGS]")
	}
	var paths string
	fs.StringVar(&paths, "features", env("FEATURES", "features"), "feature file or folder [FEATURES]")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	cfg.Paths = append([]string{paths}, fs.Args()...)
	return cfg, nil
}
