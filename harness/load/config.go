package load

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// Config says how hard and how long to drive the system.
type Config struct {
	// Rate starts this many checkouts per second (open loop); or
	Rate float64
	// Concurrency keeps this many customers busy, each starting a new
	// journey when its order ends (closed loop).
	Concurrency int
	// Duration is the driving window.
	Duration time.Duration
	// Until is the stage a journey ends at: StageApproved, or
	// StageCompleted (the driver plays the bots and pays the invoice).
	Until string
	// Items is the number of distinct products per basket (default 2).
	Items int
	// Stores is how many stores the run creates to sell them (default 4).
	Stores int
	// Drain is how long to wait after the window for orders to end
	// (default 30s).
	Drain time.Duration
	// OrderTimeout bounds how long a closed-loop customer waits for its
	// order to end before starting the next journey (default 30s).
	OrderTimeout time.Duration
	// MaxInFlight caps the journeys in progress in an open loop; a tick
	// beyond it is counted as an error rather than queued (default 4096).
	MaxInFlight int
	// SampleEvery is the resource sampling period (default 1s).
	SampleEvery time.Duration
	// Progress receives a progress line every second (nil: none).
	Progress io.Writer
	// Runtime and Topology name the environment, for the report.
	Runtime, Topology string
}

func (c *Config) setDefaults() {
	if c.Until == "" {
		c.Until = StageCompleted
	}
	if c.Items == 0 {
		c.Items = 2
	}
	if c.Stores == 0 {
		c.Stores = 4
	}
	if c.Drain == 0 {
		c.Drain = 30 * time.Second
	}
	if c.OrderTimeout == 0 {
		c.OrderTimeout = 30 * time.Second
	}
	if c.MaxInFlight == 0 {
		c.MaxInFlight = 4096
	}
	if c.SampleEvery == 0 {
		c.SampleEvery = time.Second
	}
}

// Check applies the defaults and reports every problem, so that a command
// line can refuse bad flags before it starts anything.
func (c Config) Check() error {
	c.setDefaults()
	return c.Validate()
}

// Validate reports every problem of the configuration at once.
func (c Config) Validate() error {
	var errs []error
	switch {
	case c.Rate > 0 && c.Concurrency > 0:
		errs = append(errs, errors.New("choose a rate (open loop) or a concurrency (closed loop), not both"))
	case c.Rate <= 0 && c.Concurrency <= 0:
		errs = append(errs, errors.New("a rate (open loop) or a concurrency (closed loop) is required"))
	}
	if c.Duration <= 0 {
		errs = append(errs, fmt.Errorf("duration must be positive, got %s", c.Duration))
	}
	if c.Until != StageApproved && c.Until != StageCompleted {
		errs = append(errs, fmt.Errorf("until %q: want %s or %s", c.Until, StageApproved, StageCompleted))
	}
	if c.Items < 1 || c.Stores < 1 {
		errs = append(errs, errors.New("items and stores must be at least 1"))
	}
	return errors.Join(errs...)
}

// mode is "open" or "closed".
func (c Config) mode() string {
	if c.Rate > 0 {
		return "open"
	}
	return "closed"
}

func (c Config) settings() Settings {
	return Settings{Runtime: c.Runtime, Topology: c.Topology, Mode: c.mode(), Rate: c.Rate,
		Concurrency: c.Concurrency, Duration: c.Duration.Seconds(), Until: c.Until}
}
