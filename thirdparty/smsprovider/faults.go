package smsprovider

import (
	"net/http"
	"sync"
	"time"
)

// faultState holds the faults in force: one for every send (key "") and
// one per recipient number; a recipient's own fault comes first.
type faultState struct {
	mu    sync.Mutex
	rules map[string]*rule
}

// rule is one fault and how many sends it still affects.
type rule struct {
	mode      string
	delay     time.Duration
	remaining int
	unlimited bool
	every     int // hit one send in every (<= 1: each)
	seen      int // sends seen under this rule
}

// applied is what one send gets from the fault in force.
type applied struct {
	mode  string
	delay time.Duration
}

// take returns the fault for the next send to number and counts it.
func (f *faultState) take(to string) applied {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := to
	if f.rules[key] == nil {
		key = ""
	}
	r := f.rules[key]
	if r == nil {
		return applied{}
	}
	if r.seen++; r.every > 1 && r.seen%r.every != 0 {
		return applied{}
	}
	if !r.unlimited {
		if r.remaining--; r.remaining <= 0 {
			delete(f.rules, key)
		}
	}
	return applied{mode: r.mode, delay: r.delay}
}

func (f *faultState) set(in Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rules == nil {
		f.rules = map[string]*rule{}
	}
	f.rules[in.To] = &rule{mode: in.Mode, delay: time.Duration(in.DelayMs) * time.Millisecond,
		remaining: in.Count, unlimited: in.Count == 0, every: in.Every}
}

// clear removes the fault of one number, or every fault when to is empty.
func (f *faultState) clear(to string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if to == "" {
		f.rules = nil
		return
	}
	delete(f.rules, to)
}

// status describes the fault for number (or the one for every send).
func (f *faultState) status(to string) FaultStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.rules[to]
	if r == nil {
		return FaultStatus{Mode: ModeNone}
	}
	st := FaultStatus{Mode: r.mode, DelayMs: int(r.delay / time.Millisecond)}
	if r.every > 1 {
		st.Every = r.every
	}
	if !r.unlimited {
		st.Remaining = r.remaining
	}
	return st
}

func (in Fault) validate() error {
	switch {
	case in.Mode != ModeFail && in.Mode != ModeSlow && in.Mode != ModeDrop:
		return invalid("mode must be fail, slow or drop")
	case in.Count < 0 || in.Count > MaxFaultCount:
		return invalid("count must be 0 (until cleared) to %d", MaxFaultCount)
	case in.Every < 0 || in.Every > MaxFaultCount:
		return invalid("every must be 0 (each send) to %d", MaxFaultCount)
	case in.Mode == ModeSlow && (in.DelayMs < 1 || in.DelayMs > MaxDelayMs):
		return invalid("delayMs must be 1 to %d for slow", MaxDelayMs)
	case in.Mode != ModeSlow && in.DelayMs != 0:
		return invalid("delayMs applies to slow only")
	case in.To != "" && !smsNumber.MatchString(in.To):
		return invalid("to must be an international number such as +14155550100")
	}
	return nil
}

func (s *Server) setFault(w http.ResponseWriter, r *http.Request) {
	var in Fault
	if err := decode(r, &in); err != nil {
		writeRequestError(w, err)
		return
	}
	if err := in.validate(); err != nil {
		writeRequestError(w, err)
		return
	}
	s.fault.set(in)
	writeJSON(w, http.StatusOK, s.fault.status(in.To))
}

func (s *Server) getFault(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.fault.status(r.URL.Query().Get("to")))
}

func (s *Server) clearFault(w http.ResponseWriter, r *http.Request) {
	s.fault.clear(r.URL.Query().Get("to"))
	w.WriteHeader(http.StatusNoContent)
}
