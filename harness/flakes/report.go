package flakes

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Outcome is how one scenario ended in one run.
type Outcome struct {
	URI         string
	Line        int
	Name        string
	Quarantined bool
	Passed      bool
	// Step and Message are the failed step's text and its error; empty
	// when the scenario passed.
	Step, Message string
}

// Where is the scenario's file and line, e.g. features/stores/rest.feature:12.
func (o Outcome) Where() string { return fmt.Sprintf("%s:%d", o.URI, o.Line) }

// Report is the flake report of a repeated run.
type Report struct {
	Runtime  string `json:"runtime"`
	Topology string `json:"topology"`
	Tags     string `json:"tags,omitempty"`
	// Fresh is true when each run had an environment of its own.
	Fresh bool `json:"fresh"`
	// Repeat is the number of runs asked for; Runs the ones that ran.
	Repeat int   `json:"repeat"`
	Runs   []Run `json:"runs"`
	// Stopped says why fewer than Repeat runs ran.
	Stopped     string      `json:"stopped,omitempty"`
	WallSeconds float64     `json:"wallSeconds"`
	Scenarios   []*Scenario `json:"scenarios"`

	byKey map[string]*Scenario
}

// Run is one run of the suite.
type Run struct {
	N int `json:"run"`
	// Passed and Failed count the scenarios that are not quarantined.
	Passed            int `json:"passed"`
	Failed            int `json:"failed"`
	Quarantined       int `json:"quarantined"`
	QuarantinedFailed int `json:"quarantinedFailed"`
	// Seed is the order the scenarios ran in (--random), 0 in file order.
	Seed           int64   `json:"seed,omitempty"`
	StartupSeconds float64 `json:"startupSeconds,omitempty"`
	WallSeconds    float64 `json:"wallSeconds"`
	// Reports is the folder holding this run's cucumber JSON, JUnit XML,
	// living documentation and console output, kept when a scenario failed.
	Reports string `json:"reports,omitempty"`
	// Failures and QuarantinedFailures are where the scenarios that
	// failed in this run are written.
	Failures            []string `json:"failures,omitempty"`
	QuarantinedFailures []string `json:"quarantinedFailures,omitempty"`
}

// Scenario is one scenario's record over the runs.
type Scenario struct {
	URI          string   `json:"uri"`
	Line         int      `json:"line"`
	Name         string   `json:"name"`
	Quarantined  bool     `json:"quarantined"`
	Passed       int      `json:"passed"`
	Failed       int      `json:"failed"`
	FailedRuns   []int    `json:"failedRuns,omitempty"`
	FirstFailure *Failure `json:"firstFailure,omitempty"`
}

// Where is the scenario's file and line.
func (s *Scenario) Where() string { return fmt.Sprintf("%s:%d", s.URI, s.Line) }

// Failure is the evidence of a scenario's failure in one run.
type Failure struct {
	Run     int    `json:"run"`
	Step    string `json:"step"`
	Message string `json:"message"`
}

// Add counts one run's outcomes; wall and startup are the run's times
// (startup: the environment brought up for it alone, else zero). It
// returns the run as recorded.
func (r *Report) Add(run Run, wall, startup time.Duration, outcomes []Outcome) Run {
	if r.byKey == nil {
		r.byKey = map[string]*Scenario{}
	}
	run.WallSeconds, run.StartupSeconds = wall.Seconds(), startup.Seconds()
	for _, o := range outcomes {
		s := r.scenario(o)
		switch {
		case o.Passed:
			s.Passed++
		default:
			s.Failed++
			s.FailedRuns = append(s.FailedRuns, run.N)
			if s.FirstFailure == nil {
				s.FirstFailure = &Failure{Run: run.N, Step: o.Step, Message: o.Message}
			}
		}
		run.count(o)
	}
	r.Runs = append(r.Runs, run)
	return run
}

func (run *Run) count(o Outcome) {
	switch {
	case o.Quarantined:
		run.Quarantined++
		if !o.Passed {
			run.QuarantinedFailed++
			run.QuarantinedFailures = append(run.QuarantinedFailures, o.Where())
		}
	case o.Passed:
		run.Passed++
	default:
		run.Failed++
		run.Failures = append(run.Failures, o.Where())
	}
}

// scenario is the record of o's scenario, made on first sight. A scenario
// is known by its file, line and name: the same in every run, whatever
// the order the scenarios ran in.
func (r *Report) scenario(o Outcome) *Scenario {
	key := fmt.Sprintf("%s:%d:%s", o.URI, o.Line, o.Name)
	s, ok := r.byKey[key]
	if !ok {
		s = &Scenario{URI: o.URI, Line: o.Line, Name: o.Name, Quarantined: o.Quarantined}
		r.byKey[key] = s
		r.Scenarios = append(r.Scenarios, s)
		slices.SortStableFunc(r.Scenarios, func(a, b *Scenario) int {
			return cmp.Or(cmp.Compare(a.URI, b.URI), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Name, b.Name))
		})
	}
	return s
}

// Failures is how many times a scenario that is not quarantined failed,
// over every run; the run fails when it is not zero.
func (r *Report) Failures() int {
	n := 0
	for _, s := range r.Failing() {
		n += s.Failed
	}
	return n
}

// Failing are the scenarios, not quarantined, that failed at least once.
func (r *Report) Failing() []*Scenario {
	return r.filter(func(s *Scenario) bool { return !s.Quarantined && s.Failed > 0 })
}

// Quarantined are the quarantined scenarios, failed or not.
func (r *Report) Quarantined() []*Scenario {
	return r.filter(func(s *Scenario) bool { return s.Quarantined })
}

func (r *Report) filter(keep func(*Scenario) bool) []*Scenario {
	var out []*Scenario
	for _, s := range r.Scenarios {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}
