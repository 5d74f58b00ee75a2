package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/mallbots/mallbots/harness/suite"
)

// mergeCommand merges the reports of a sharded run's shards, each in the
// folder given, into one set of reports (suite.Merge).
func mergeCommand(args []string) (int, error) {
	fs := flag.NewFlagSet("e2e merge", flag.ContinueOnError)
	reports := fs.String("reports", env("REPORTS", "reports"), "folder for the merged reports [REPORTS]")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: e2e merge [--reports DIR] SHARD_DIR...\n\n"+
			"Merges the reports of every shard of one run (bin/e2e run --shard i/n, each shard's\n"+
			"reports in a folder of its own) into one set: cucumber.json, junit.xml,\n"+
			"interactions.json and living-doc.html.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2, err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2, errors.New("merge: give the reports folders of the shards")
	}
	res, err := suite.Merge(suite.MergeConfig{Dirs: fs.Args(), ReportsDir: *reports, Console: os.Stdout})
	if err != nil && res.Code == 0 {
		res.Code = 1
	}
	return res.Code, err
}
