package containers

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/mallbots/mallbots/harness/owner"
)

// The labels every container and network of a run carries.
const (
	labelApp     = "dev.mallbots.app"     // always "mallbots"
	labelRun     = "dev.mallbots.run"     // the run id
	labelService = "dev.mallbots.service" // nats, postgres, smsprovider or a service
	labelHost    = "dev.mallbots.host"    // the owning process's host name,
	labelBoot    = "dev.mallbots.boot"    // its kernel's boot id,
	labelPIDNS   = "dev.mallbots.pidns"   // its pid namespace,
	labelPID     = "dev.mallbots.pid"     // its pid,
	labelPIDTime = "dev.mallbots.pid-start"
	labelStarted = "dev.mallbots.started" // when the run began (RFC 3339)
)

// runLabels are the labels of run id owned by o.
func runLabels(id string, o owner.Process, started time.Time) map[string]string {
	return map[string]string{
		labelApp: "mallbots", labelRun: id, labelHost: o.Host, labelBoot: o.Boot,
		labelPIDNS: o.PIDNS, labelPID: strconv.Itoa(o.PID), labelPIDTime: o.Start,
		labelStarted: started.UTC().Format(time.RFC3339),
	}
}

// abandoned tells whether the run with these labels has lost its owner:
// the process is provably gone (see owner.Process.Gone), or, for a run of
// another host that this one cannot check, the run began more than a day
// ago. Labels of runs before the boot and pid-namespace labels existed
// lack them, which Gone allows.
func abandoned(labels map[string]string) bool {
	if labels[labelHost] != owner.Self().Host {
		started, err := time.Parse(time.RFC3339, labels[labelStarted])
		return err == nil && time.Since(started) > 24*time.Hour
	}
	pid, err := strconv.Atoi(labels[labelPID])
	if err != nil {
		return true
	}
	return owner.Process{Host: labels[labelHost], Boot: labels[labelBoot], PIDNS: labels[labelPIDNS],
		PID: pid, Start: labels[labelPIDTime]}.Gone()
}

func newRunID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
