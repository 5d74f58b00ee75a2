package loadreport_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/load/loadreport"
)

func table(t *testing.T, r load.Result) string {
	t.Helper()
	return rendered(t, loadreport.WriteTable, r)
}

func TestTheTableMatchesItsGoldenFile(t *testing.T) {
	golden(t, "table.golden", table(t, fixture()))
}

func TestTheTableSaysHowTheRunWasMade(t *testing.T) {
	tests := []struct {
		name     string
		settings load.Settings
		want     string
	}{
		{"open loop", load.Settings{Mode: "open", Rate: 100, Duration: 30, Runtime: "local", Topology: "monolith", Until: "approved"},
			"load run: open loop 100/s for 30s, runtime local, topology monolith, until approved, 8 CPUs\n"},
		{"closed loop", load.Settings{Mode: "closed", Concurrency: 8, Duration: 30, Runtime: "containers", Topology: "services", Until: "completed"},
			"load run: closed loop, 8 customers for 30s, runtime containers, topology services, until completed, 8 CPUs\n"},
		{"one customer, fractional rate fields left out", load.Settings{Mode: "closed", Concurrency: 1, Duration: 2.5},
			"load run: closed loop, 1 customer for 2.5s, runtime -, topology -, until -, 8 CPUs\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := load.Result{Settings: tt.settings, Machine: load.Machine{CPUs: 8}}
			first, _, _ := strings.Cut(table(t, r), "\n")
			assert.Equal(t, tt.want, first+"\n")
		})
	}
}

func TestTheTableListsStagesInJourneyOrderAndErrorsLargestFirst(t *testing.T) {
	out := table(t, fixture())
	assertInOrder(t, out, "\naccepted ", "\nvisible ", "\napproved ", "\nlistReady ", "\ncompleted ", "\nsms ")
	assertInOrder(t, out, "8  timeout", "4  checkout: 409 conflict", "1  "+evilKind)
	assertInOrder(t, out, "completed 2950, rejected 30, pending 10")
}

func TestTheTableLeavesOutStagesWithoutData(t *testing.T) {
	r := fixture()
	r.Latency = r.Latency[1:] // no sms
	delete(r.Throughput, "sms")
	assert.NotContains(t, table(t, r), "\nsms ")
}

func TestTheTableHighlightsOrdersLeftNotTerminal(t *testing.T) {
	r := fixture()
	assert.Contains(t, table(t, r), "!! not terminal at the end: 10 orders !!")
	r.NotTerminal = 0
	assert.NotContains(t, table(t, r), "!!")
	assert.Contains(t, table(t, r), "not terminal at the end: 0\n")
}

func TestTheTableGivesTheReasonAComponentWasNotMeasured(t *testing.T) {
	out := table(t, fixture())
	assert.Regexp(t, `\npostgres +unavailable: no access to /proc/<pid>/statm\n`, out)
	assert.Regexp(t, `\nbaskets +48\.0 +40\.0 +3\.25 +10\.8 +55\.0\n`, out)
	assert.Contains(t, out, "total peak memory: 512.0 MiB\n")
}

func TestTheTableOfAnEmptyRunSaysSo(t *testing.T) {
	out := table(t, load.Result{})
	assert.Contains(t, out, "no stage reached")
	assert.Contains(t, out, "no component measured")
	assert.Contains(t, out, "errors: 0\n")
}

// assertInOrder checks that every part occurs in s, each after the last.
func assertInOrder(t *testing.T, s string, parts ...string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(s[at:], p)
		if !assert.GreaterOrEqual(t, i, 0, "%q after offset %d in\n%s", p, at, s) {
			return
		}
		at += i + len(p)
	}
}
