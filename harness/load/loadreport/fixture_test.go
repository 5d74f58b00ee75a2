package loadreport_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/load"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name: run
// `go test ./harness/load/loadreport -update` after changing the output,
// and review the diff (open the .html one in a browser).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), got)
}

// rendered is what write writes of r.
func rendered(t *testing.T, write func(io.Writer, load.Result) error, r load.Result) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, write(&b, r))
	return b.String()
}

const evilKind = "<script>alert(1)</script>"

// fixture is a small open-loop run to completion: every stage measured
// (listed out of journey order on purpose), more hops than the table
// lists, one component unmeasured, an error kind that must be escaped and
// orders left not terminal.
func fixture() load.Result {
	return load.Result{
		Version:   load.ResultVersion,
		StartedAt: time.Date(2025, 11, 26, 10, 0, 0, 0, time.UTC),
		Settings:  load.Settings{Runtime: "local", Topology: "monolith", Mode: "open", Rate: 100, Duration: 30, Until: "completed"},
		Machine:   load.Machine{CPUs: 8, OS: "linux", Arch: "amd64", GoVersion: "go1.26.0", Hostname: "ci-1", Commit: "7e04b3d"},
		Elapsed:   30, Drain: 2.5, Checkouts: 3000, Accepted: 2990,
		Throughput: map[string]float64{"accepted": 92, "visible": 91.9, "approved": 90.1,
			"listReady": 90, "completed": 88.7, "sms": 89.9},
		Latency: []load.StageLatency{
			{Stage: "sms", Count: 2930, P50: 61, P90: 95, P99: 180, Max: 400, Mean: 70},
			{Stage: "accepted", Count: 2990, P50: 4.2, P90: 8.1, P99: 19.5, Max: 51.2, Mean: 5},
			{Stage: "visible", Count: 2990, P50: 9, P90: 15, P99: 30, Max: 80, Mean: 10},
			{Stage: "approved", Count: 2960, P50: 35.5, P90: 60, P99: 120.25, Max: 300, Mean: 40},
			{Stage: "listReady", Count: 2955, P50: 41, P90: 70, P99: 130, Max: 310, Mean: 45},
			{Stage: "completed", Count: 2950, P50: 250, P90: 400, P99: 900, Max: 1500, Mean: 280},
		},
		Outcomes:    map[string]int{"completed": 2950, "rejected": 30, "pending": 10},
		Errors:      map[string]int{"timeout": 8, "checkout: 409 conflict": 4, evilKind: 1},
		NotTerminal: 10,
		Hops:        hops(),
		Resources: []load.Resource{
			{Name: "baskets", PeakMemory: 48 << 20, MeanMemory: 40 << 20, CPUSeconds: 3.25, MeanCPUPct: 10.8, PeakCPUPct: 55},
			{Name: "ordering", PeakMemory: 64 << 20, MeanMemory: 50 << 20, CPUSeconds: 5.5, MeanCPUPct: 18.3, PeakCPUPct: 80},
			{Name: "postgres", Unavailable: "no access to /proc/<pid>/statm"},
		},
		PeakTotalMemory: 512 << 20,
		Samples:         samples(),
		Orders:          orders(),
	}
}

// hops are ten hops, slowest first, as load measures them.
func hops() []load.Hop {
	hop := func(from, to string, p50 float64) load.Hop {
		return load.Hop{From: from, To: to, Count: 2950, P50: p50, P90: 2 * p50, Max: 5 * p50}
	}
	return []load.Hop{
		hop("ShoppingListAvailable", "ShoppingListCompleted", 180), hop("ShoppingListCompleted", "InvoiceCreated", 12.5),
		hop("OrderCreated", "AuthorizeCustomer", 6.2), hop("ConfirmPayment", "ConfirmPaymentReply", 4.8),
		hop("AuthorizeCustomer", "AuthorizeCustomerReply", 3.1), hop("ApproveOrder", "OrderApproved", 2.9),
		hop("InvoiceCreated", "PaymentConfirmed", 2.4), hop("OrderApproved", "ShoppingListAvailable", 1.7),
		hop("AuthorizeCustomerReply", "ConfirmPayment", 1.2), hop("PaymentConfirmed", "OrderCompleted", 0.3),
	}
}

func samples() []load.Sample {
	return []load.Sample{
		{At: 0, Memory: map[string]uint64{"baskets": 30 << 20, "ordering": 40 << 20}, CPUPercent: map[string]float64{"baskets": 5, "ordering": 8}},
		{At: 10, Memory: map[string]uint64{"baskets": 48 << 20, "ordering": 64 << 20}, CPUPercent: map[string]float64{"baskets": 55, "ordering": 80}},
		{At: 20, Memory: map[string]uint64{"baskets": 42 << 20, "ordering": 46 << 20, "nats": 20 << 20}, CPUPercent: map[string]float64{"baskets": 12, "ordering": 20}},
	}
}

// orders are eight journeys: six completed, one rejected, one pending.
func orders() []load.Order {
	full := func(at, scale float64) load.Order {
		return load.Order{At: at, Outcome: "completed", Stages: map[string]float64{"accepted": 4 * scale,
			"visible": 9 * scale, "approved": 35 * scale, "listReady": 41 * scale, "completed": 250 * scale, "sms": 60 * scale}}
	}
	return []load.Order{
		full(0.1, 1), full(1.2, 1.1), full(5, 0.9), full(9.5, 2), full(15, 1), full(28, 6),
		{At: 12, Outcome: "rejected", Reason: "payment <declined>", Stages: map[string]float64{"accepted": 5, "visible": 10}},
		{At: 29.9, Outcome: "pending", Stages: map[string]float64{"accepted": 6, "visible": 11, "approved": 40}},
	}
}
