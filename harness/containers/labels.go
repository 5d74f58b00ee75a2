package containers

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"time"
)

// The labels every container and network of a run carries.
const (
	labelApp     = "dev.mallbots.app"     // always "mallbots"
	labelRun     = "dev.mallbots.run"     // the run id
	labelService = "dev.mallbots.service" // nats, postgres, smsprovider or a service
	labelHost    = "dev.mallbots.host"    // the owning process's host name,
	labelPID     = "dev.mallbots.pid"     // its pid,
	labelPIDTime = "dev.mallbots.pid-start"
	labelStarted = "dev.mallbots.started" // when the run began (RFC 3339)
)

// owner identifies the process that owns a run: a pid alone could have
// been reused by another process since.
type owner struct {
	host  string
	pid   int
	start string // the process's start time in clock ticks since boot
}

func self() owner {
	host, _ := os.Hostname()
	return owner{host: host, pid: os.Getpid(), start: processStart(os.Getpid())}
}

// processStart reads field 22 of /proc/PID/stat ("" where there is none).
func processStart(pid int) string {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	// The command name (field 2) may hold spaces; fields after it don't.
	s := string(data)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	fields := strings.Fields(s)
	if len(fields) < 20 {
		return ""
	}
	return fields[19]
}

// runLabels are the labels of run id owned by o.
func runLabels(id string, o owner, started time.Time) map[string]string {
	return map[string]string{
		labelApp: "mallbots", labelRun: id, labelHost: o.host,
		labelPID: strconv.Itoa(o.pid), labelPIDTime: o.start,
		labelStarted: started.UTC().Format(time.RFC3339),
	}
}

// abandoned tells whether the run with these labels has lost its owner:
// the process is gone (on this host), or, for a run of another host that
// this one cannot check, the run began more than a day ago.
func abandoned(labels map[string]string, me owner) bool {
	if labels[labelHost] != me.host {
		started, err := time.Parse(time.RFC3339, labels[labelStarted])
		return err == nil && time.Since(started) > 24*time.Hour
	}
	pid, err := strconv.Atoi(labels[labelPID])
	if err != nil {
		return true
	}
	start := processStart(pid)
	return start == "" || start != labels[labelPIDTime]
}

func newRunID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
