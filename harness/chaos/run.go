package chaos

import (
	"context"
	"fmt"
	"io"
	"time"
)

// ReportVersion is the schema version of chaos.json.
const ReportVersion = 1

// Report is what a chaos run did, phase by phase; written as chaos.json.
type Report struct {
	Version   int       `json:"version"`
	StartedAt time.Time `json:"startedAt"`
	Runtime   string    `json:"runtime"`
	Topology  string    `json:"topology"`
	Rate      float64   `json:"rate"`
	Window    float64   `json:"windowSeconds"`
	At        float64   `json:"atSeconds"`
	Down      float64   `json:"downSeconds"`
	Until     string    `json:"until"`
	Elapsed   float64   `json:"elapsedSeconds"`
	// Interrupted is set when the run was stopped early (Ctrl-C).
	Interrupted bool    `json:"interrupted,omitempty"`
	Phases      []Phase `json:"phases"`
}

// Passed reports whether every phase ran and broke no promise.
func (r Report) Passed() bool {
	if r.Interrupted || len(r.Phases) == 0 {
		return false
	}
	for _, p := range r.Phases {
		if !p.Passed() {
			return false
		}
	}
	return true
}

// Run runs one phase per fault, one after another, writing each phase's
// counts to out as it ends. Cancelling ctx stops after the current phase's
// fault is healed; the report then covers the phases that ran.
func Run(ctx context.Context, t *Target, faults []Fault, s Settings, out io.Writer) (Report, error) {
	s.setDefaults()
	rep := Report{Version: ReportVersion, StartedAt: time.Now().UTC(), Runtime: s.Runtime, Topology: s.Topology,
		Rate: s.Rate, Window: s.Window.Seconds(), At: s.At.Seconds(), Down: s.Down.Seconds(), Until: s.Until}
	begin := time.Now()
	defer func() { rep.Elapsed = time.Since(begin).Seconds() }()
	writeHeader(out)
	for i, f := range faults {
		progress(s.Progress, "chaos: phase %d of %d: %s (%s)\n", i+1, len(faults), f.Name, f.What)
		ph, err := RunPhase(ctx, t, f, s)
		if ctx.Err() != nil {
			rep.Interrupted = true
			rep.Elapsed = time.Since(begin).Seconds()
			return rep, nil
		}
		if err != nil {
			rep.Elapsed = time.Since(begin).Seconds()
			return rep, fmt.Errorf("chaos: phase %s: %w", f.Name, err)
		}
		rep.Phases = append(rep.Phases, ph)
		writeRow(out, ph)
	}
	rep.Elapsed = time.Since(begin).Seconds()
	return rep, nil
}

func progress(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}
