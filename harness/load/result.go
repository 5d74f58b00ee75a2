package load

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// ResultVersion is the schema version of load.json.
const ResultVersion = 1

// Stage names, in journey order. Each is measured from the checkout request.
const (
	StageAccepted  = "accepted"  // the checkout request answered 2xx
	StageVisible   = "visible"   // OrderCreated stored: the order exists
	StageApproved  = "approved"  // OrderApproved stored: the saga succeeded
	StageListReady = "listReady" // ShoppingListAvailable stored: bots may shop
	StageCompleted = "completed" // OrderCompleted stored: shopped and paid
	StageSMS       = "sms"       // the SMS provider received the order's first SMS
)

// Stages lists the stage names in journey order.
var Stages = []string{StageAccepted, StageVisible, StageApproved, StageListReady, StageCompleted, StageSMS}

// Result is what one load run measured; it is written as reports/load.json.
type Result struct {
	Version   int       `json:"version"`
	StartedAt time.Time `json:"startedAt"`
	Settings  Settings  `json:"settings"`
	Machine   Machine   `json:"machine"`
	// Elapsed is the driving window in seconds (checkouts sent within it).
	Elapsed float64 `json:"elapsedSeconds"`
	// Interrupted is set when the run was stopped early (Ctrl-C).
	Interrupted bool `json:"interrupted,omitempty"`
	// Drain is how long the run waited after the window for orders to end.
	Drain float64 `json:"drainSeconds"`
	// Checkouts counts journeys started, Accepted those whose checkout
	// answered 2xx.
	Checkouts int `json:"checkouts"`
	Accepted  int `json:"accepted"`
	// Throughput is orders per second that reached each stage, counted over
	// the driving window plus the drain.
	Throughput map[string]float64 `json:"throughput"`
	// Latency summarises, per stage, the milliseconds from checkout.
	Latency []StageLatency `json:"latency"`
	// Outcomes counts orders by their last state (approved, rejected,
	// completed, cancelled, pending, ...).
	Outcomes map[string]int `json:"outcomes"`
	// Errors counts failures by kind ("checkout: 409 conflict", "timeout").
	Errors map[string]int `json:"errors"`
	// NotTerminal counts accepted orders not in a terminal state at the end.
	NotTerminal int `json:"notTerminal"`
	// Hops are the times between consecutive messages of one order (its
	// timeline in the stream), slowest first: where the time goes.
	Hops []Hop `json:"hops"`
	// Resources summarises every component's memory and CPU.
	Resources []Resource `json:"resources"`
	// PeakTotalMemory is the largest sum of every component's memory seen in
	// one sample, in bytes.
	PeakTotalMemory uint64 `json:"peakTotalMemoryBytes"`
	// Samples are the resource readings over time, for plots.
	Samples []Sample `json:"samples"`
	// Orders are the per-order timings, for plots.
	Orders []Order `json:"orders"`
}

// Settings are the options the run was made with.
type Settings struct {
	Runtime     string  `json:"runtime"`
	Topology    string  `json:"topology"`
	Mode        string  `json:"mode"` // "open" (rate) or "closed" (concurrency)
	Rate        float64 `json:"rate,omitempty"`
	Concurrency int     `json:"concurrency,omitempty"`
	Duration    float64 `json:"durationSeconds"`
	Until       string  `json:"until"` // the stage a journey ends at: approved or completed
}

// Machine describes where the run happened.
type Machine struct {
	CPUs      int    `json:"cpus"`
	OS        string `json:"os"`
	Arch      string `json:"arch"`
	GoVersion string `json:"goVersion"`
	Hostname  string `json:"hostname"`
	Commit    string `json:"commit,omitempty"`
}

// StageLatency summarises one stage's latencies in milliseconds.
type StageLatency struct {
	Stage string  `json:"stage"`
	Count int     `json:"count"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
	P99   float64 `json:"p99"`
	Max   float64 `json:"max"`
	Mean  float64 `json:"mean"`
}

// Hop is the time from one message of an order to the next one, in
// milliseconds, over every order where From was directly followed by To.
type Hop struct {
	From  string  `json:"from"`
	To    string  `json:"to"`
	Count int     `json:"count"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
	Max   float64 `json:"max"`
}

// Resource summarises one component (a service, nats, postgres, the
// smsprovider) over the run. Memory is the proportional set size (PSS),
// which counts memory shared between processes (Postgres's shared buffers)
// once rather than in every process; for a lone process it is its RSS.
type Resource struct {
	Name        string  `json:"name"`
	PeakMemory  uint64  `json:"peakMemoryBytes"`
	MeanMemory  uint64  `json:"meanMemoryBytes"`
	CPUSeconds  float64 `json:"cpuSeconds"`
	MeanCPUPct  float64 `json:"meanCpuPercent"`
	PeakCPUPct  float64 `json:"peakCpuPercent"`
	Unavailable string  `json:"unavailable,omitempty"` // why nothing was measured
}

// Sample is one reading of every component, At seconds into the run.
type Sample struct {
	At         float64            `json:"at"`
	Memory     map[string]uint64  `json:"memory"`
	CPUPercent map[string]float64 `json:"cpuPercent"`
}

// Order is one journey: when its checkout was sent (seconds into the run),
// the milliseconds from checkout to each stage it reached, and its outcome.
type Order struct {
	At      float64            `json:"at"`
	Stages  map[string]float64 `json:"stages"`
	Outcome string             `json:"outcome"`
	Reason  string             `json:"reason,omitempty"`
}

// WriteJSON writes r to path, indented.
func (r Result) WriteJSON(path string) error {
	data, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return fmt.Errorf("encode load result: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write load result: %w", err)
	}
	return nil
}

// ReadJSON reads a result written by WriteJSON (a baseline).
func ReadJSON(path string) (Result, error) {
	var r Result
	data, err := os.ReadFile(path)
	if err != nil {
		return r, fmt.Errorf("read load result: %w", err)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return r, fmt.Errorf("read load result %s: %w", path, err)
	}
	if r.Version != ResultVersion {
		return r, fmt.Errorf("read load result %s: schema version %d, this build reads %d", path, r.Version, ResultVersion)
	}
	return r, nil
}

// LatencyOf returns the summary of stage, if any order reached it.
func (r Result) LatencyOf(stage string) (StageLatency, bool) {
	for _, l := range r.Latency {
		if l.Stage == stage {
			return l, true
		}
	}
	return StageLatency{}, false
}
