package loadreport

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Tolerance is how far a figure may move from the baseline before it counts
// as a regression (see the package documentation for the rules).
type Tolerance struct {
	// Latency is the relative increase of a percentile allowed (0.25: 25%).
	Latency float64
	// LatencyFloorMs is an absolute slack: an increase of this many
	// milliseconds or less is never a regression, whatever its ratio.
	LatencyFloorMs float64
	// Throughput is the relative drop of orders/s allowed.
	Throughput float64
	// Memory is the relative increase of peak memory allowed.
	Memory float64
}

// DefaultTolerance is 25% latency beyond a 5 ms floor, 10% throughput and
// 20% memory.
func DefaultTolerance() Tolerance {
	return Tolerance{Latency: 0.25, LatencyFloorMs: 5, Throughput: 0.10, Memory: 0.20}
}

// ParseTolerance reads "0.3" (every relative tolerance, floor as default)
// or "latency=0.3,throughput=0.1,memory=0.2,floor=5ms" (each key over the
// defaults). An empty string is DefaultTolerance.
func ParseTolerance(s string) (Tolerance, error) {
	t := DefaultTolerance()
	var err error
	switch s = strings.TrimSpace(s); {
	case s == "":
		return t, nil
	case strings.Contains(s, "="):
		err = t.setPairs(s)
	default:
		err = t.setRelative(s)
	}
	if err != nil {
		return t, fmt.Errorf("parse tolerance %q: %w", s, err)
	}
	return t, nil
}

// setRelative sets every relative tolerance to one number.
func (t *Tolerance) setRelative(s string) error {
	v, err := ratio(s)
	if err == nil {
		t.Latency, t.Throughput, t.Memory = v, v, v
	}
	return err
}

// setPairs applies comma-separated key=value pairs, every problem told.
func (t *Tolerance) setPairs(s string) error {
	var errs []error
	for _, pair := range strings.Split(s, ",") {
		errs = append(errs, t.set(pair))
	}
	return errors.Join(errs...)
}

// set applies one key=value pair to t.
func (t *Tolerance) set(pair string) error {
	key, value, ok := strings.Cut(pair, "=")
	if !ok {
		return fmt.Errorf("%q is not key=value", strings.TrimSpace(pair))
	}
	key = strings.TrimSpace(key)
	field, parse := t.field(key)
	if field == nil {
		return fmt.Errorf("unknown key %q (want latency, throughput, memory or floor)", key)
	}
	v, err := parse(strings.TrimSpace(value))
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	*field = v
	return nil
}

// field is the field key names and how its value is read, nil if none.
func (t *Tolerance) field(key string) (*float64, func(string) (float64, error)) {
	switch key {
	case "latency":
		return &t.Latency, ratio
	case "throughput":
		return &t.Throughput, ratio
	case "memory":
		return &t.Memory, ratio
	case "floor":
		return &t.LatencyFloorMs, millis
	}
	return nil, nil
}

// ratio reads a relative tolerance: a finite number, 0 or more.
func ratio(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if v < 0 {
		return 0, fmt.Errorf("%q is negative", s)
	}
	return v, nil
}

// millis reads the floor: a duration ("5ms", "0.5s") or milliseconds ("5").
func millis(s string) (float64, error) {
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return ratio(s)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is neither a duration nor a number of milliseconds", s)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative", s)
	}
	return float64(d) / float64(time.Millisecond), nil
}
