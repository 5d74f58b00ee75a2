package local

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/harness/pgtemp"
)

// sweep removes what runs killed before their cleanup (SIGKILL) left where
// this run creates its own: NATS store folders, and Postgres folders with
// their shared memory. Their processes died with them (parent-death
// signal); the runs still alive keep everything. It says what went on the
// progress writer.
func (o options) sweep() {
	nats, errNATS := natsembed.Sweep()
	pg, errPG := pgtemp.Sweep(o.tempDir)
	if o.progress == nil {
		return
	}
	if removed := append(nats, pg...); len(removed) > 0 {
		fmt.Fprintf(o.progress, "local: swept %d folders left by killed runs: %s\n", len(removed), baseNames(removed))
	}
	if err := errors.Join(errNATS, errPG); err != nil {
		fmt.Fprintf(o.progress, "local: sweeping what killed runs left: %v\n", err)
	}
}

func baseNames(paths []string) string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return strings.Join(names, ", ")
}
