// Package world holds what steps work with: the World of a run (the
// environment's endpoints, the event tap, defaults) and the Scenario, the
// state of one scenario: its correlation id and unique suffix, a typed
// client whose calls carry that correlation and are recorded, saved
// variables, named entities, and awaits scoped to the scenario's own
// traffic: a message on the tap, a REST read, and a read model that has
// applied the scenario's messages (Read, AwaitApplied: its consumers'
// positions, package position, against the stream sequences the tap
// records). Steps stay thin adapters over these.
package world

import (
	"sync"
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

	exclusive sync.RWMutex
}

// Enter admits a scenario: a serial one waits until it runs alone, others
// share the system (and wait while a serial one runs).
func (w *World) Enter(serial bool) {
	if serial {
		w.exclusive.Lock()
	} else {
		w.exclusive.RLock()
	}
}

// Leave lets other scenarios in again.
func (w *World) Leave(serial bool) {
	if serial {
		w.exclusive.Unlock()
	} else {
		w.exclusive.RUnlock()
	}
}

// Controls returns the runtime's fault controls, if it has them.
func (w *World) Controls() (runtime.Controls, bool) {
	c, ok := w.Env.(runtime.Controls)
	return c, ok
}

// SerialTag marks scenarios that disturb the shared system (stopping a
// service, restarting the broker): they run alone, never beside another.
const SerialTag = "@serial"
