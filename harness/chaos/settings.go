package chaos

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/mallbots/mallbots/harness/load"
)

// Settings shape every phase of a run.
type Settings struct {
	// Rate is checkouts started per second (default 15).
	Rate float64
	// Window is how long checkouts are started (default 4s).
	Window time.Duration
	// At is when, into the window, the fault strikes (default 1.5s).
	At time.Duration
	// Down is how long the fault lasts before it is healed (default 2s).
	Down time.Duration
	// Until is where a journey ends: load.StageCompleted (the default: the
	// driver plays the bots and pays) or load.StageApproved.
	Until string
	// Settle bounds the wait, after the window, for every journey to end
	// and the system to be quiet (default 60s).
	Settle time.Duration
	// Progress receives the load driver's progress lines (nil: none).
	Progress io.Writer
	// Runtime and Topology name the environment, for the report.
	Runtime, Topology string
}

func (s *Settings) setDefaults() {
	if s.Rate == 0 {
		s.Rate = 15
	}
	if s.Window == 0 {
		s.Window = 4 * time.Second
	}
	if s.At == 0 {
		s.At = 1500 * time.Millisecond
	}
	if s.Down == 0 {
		s.Down = 2 * time.Second
	}
	if s.Until == "" {
		s.Until = load.StageCompleted
	}
	if s.Settle == 0 {
		s.Settle = time.Minute
	}
}

// Validate reports every problem of the settings at once.
func (s Settings) Validate() error {
	s.setDefaults()
	var errs []error
	if s.Rate < 0 || s.Window < 0 || s.At < 0 || s.Down < 0 || s.Settle < 0 {
		errs = append(errs, errors.New("rate, window, at, down and settle must not be negative"))
	}
	if s.At >= s.Window {
		errs = append(errs, fmt.Errorf("the fault must strike within the window: at %s, window %s", s.At, s.Window))
	}
	if s.Until != load.StageApproved && s.Until != load.StageCompleted {
		errs = append(errs, fmt.Errorf("until %q: want %s or %s", s.Until, load.StageApproved, load.StageCompleted))
	}
	return errors.Join(errs...)
}
