package load

import (
	"context"
	"sync"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
)

// sampler reads every component's memory and CPU at a fixed period.
type sampler struct {
	meter   runtime.Meter
	begin   time.Time
	mu      sync.Mutex
	samples []Sample
	last    map[string]reading
	stats   map[string]*resourceStats
	peak    uint64
	err     error
	stop    context.CancelFunc
	done    chan struct{}
}

type reading struct {
	at  time.Time
	cpu float64
}

type resourceStats struct {
	peakMem, sumMem   uint64
	n                 int
	firstCPU, lastCPU float64
	peakPct, sumPct   float64
	nPct              int
}

func startSampler(ctx context.Context, m runtime.Meter, begin time.Time, every time.Duration) *sampler {
	ctx, cancel := context.WithCancel(ctx)
	s := &sampler{meter: m, begin: begin, last: map[string]reading{}, stats: map[string]*resourceStats{},
		stop: cancel, done: make(chan struct{})}
	go s.loop(ctx, every)
	return s
}

func (s *sampler) loop(ctx context.Context, every time.Duration) {
	defer close(s.done)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		s.sample(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func (s *sampler) sample(ctx context.Context) {
	usage, err := s.meter.Usage(ctx)
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.err = err
		return
	}
	smp := Sample{At: now.Sub(s.begin).Seconds(), Memory: map[string]uint64{}, CPUPercent: map[string]float64{}}
	var total uint64
	for _, u := range usage {
		smp.Memory[u.Name] = u.MemoryBytes
		total += u.MemoryBytes
		if pct, ok := s.cpuPercent(u, now); ok {
			smp.CPUPercent[u.Name] = pct
		}
		s.record(u, smp.CPUPercent)
	}
	s.peak = max(s.peak, total)
	s.samples = append(s.samples, smp)
}

// cpuPercent is the CPU used since the previous reading, in percent of
// one core.
func (s *sampler) cpuPercent(u runtime.Usage, now time.Time) (float64, bool) {
	prev, ok := s.last[u.Name]
	s.last[u.Name] = reading{at: now, cpu: u.CPUSeconds}
	if !ok || !now.After(prev.at) {
		return 0, false
	}
	return 100 * (u.CPUSeconds - prev.cpu) / now.Sub(prev.at).Seconds(), true
}

func (s *sampler) record(u runtime.Usage, pcts map[string]float64) {
	st := s.stats[u.Name]
	if st == nil {
		st = &resourceStats{firstCPU: u.CPUSeconds}
		s.stats[u.Name] = st
	}
	st.peakMem, st.sumMem, st.n, st.lastCPU = max(st.peakMem, u.MemoryBytes), st.sumMem+u.MemoryBytes, st.n+1, u.CPUSeconds
	if pct, ok := pcts[u.Name]; ok {
		st.peakPct, st.sumPct, st.nPct = max(st.peakPct, pct), st.sumPct+pct, st.nPct+1
	}
}

// finish stops sampling after one last reading and returns the summaries.
func (s *sampler) finish(ctx context.Context) (resources []Resource, samples []Sample, peak uint64, err error) {
	s.stop()
	<-s.done
	s.sample(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, st := range s.stats {
		r := Resource{Name: name, PeakMemory: st.peakMem, MeanMemory: st.sumMem / uint64(st.n),
			CPUSeconds: st.lastCPU - st.firstCPU, PeakCPUPct: st.peakPct}
		if st.nPct > 0 {
			r.MeanCPUPct = st.sumPct / float64(st.nPct)
		}
		resources = append(resources, r)
	}
	return resources, s.samples, s.peak, s.err
}
