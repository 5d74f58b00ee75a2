// Package world holds what steps work with: the World of a run (the
// environment's endpoints, the event tap, defaults) and the Scenario, the
// state of one scenario: its correlation id and unique suffix, a typed
// client whose calls carry that correlation and are recorded, saved
// variables, named entities, and awaits scoped to the scenario's own
// traffic. Steps stay thin adapters over these.
package world

import (
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/harness/topology"
)

// World is shared by every scenario of a run; it is read-only once the run starts.
type World struct {
	Runtime  string
	Topology topology.Topology
	Env      runtime.Environment
	Tap      *tap.Tap
	// Await is the deadline of an await whose step names none.
	Await time.Duration
}

// Controls returns the runtime's fault controls, if it has them.
func (w *World) Controls() (runtime.Controls, bool) {
	c, ok := w.Env.(runtime.Controls)
	return c, ok
}
