package load

import (
	"math"
	"os"
	goruntime "runtime"
	"slices"
	"sort"
	"time"
)

// result summarises the tracked journeys.
func (d *driver) result(begin time.Time, window, drain time.Duration) Result {
	res := Result{Version: ResultVersion, StartedAt: begin.UTC(), Settings: d.cfg.settings(), Machine: machine(),
		Elapsed: window.Seconds(), Drain: drain.Seconds(), Throughput: map[string]float64{},
		Outcomes: map[string]int{}, Errors: map[string]int{}}
	for _, j := range d.track.journeys() {
		d.count(&res, j, begin)
	}
	res.Latency = latencies(res.Orders)
	res.Throughput = throughput(res.Orders)
	d.track.mu.Lock()
	res.Hops = hops(d.track.order)
	d.track.mu.Unlock()
	return res
}

func (d *driver) count(res *Result, j *journey, begin time.Time) {
	d.track.mu.Lock()
	defer d.track.mu.Unlock()
	res.Checkouts++
	res.Outcomes[j.outcome]++
	switch {
	case j.errKind != "":
		res.Errors[j.errKind]++
	case j.outcome == "rejected" || j.outcome == "cancelled":
		res.Errors[j.outcome+": "+j.reason]++
	}
	if !j.accepted {
		return
	}
	res.Accepted++
	if !isTerminal(j.outcome, d.cfg.Until) {
		res.NotTerminal++
	}
	o := Order{At: j.sentAt.Sub(begin).Seconds(), Stages: map[string]float64{}, Outcome: j.outcome, Reason: j.reason}
	for stage, at := range j.stages {
		o.Stages[stage] = ms(at.Sub(j.sentAt))
	}
	res.Orders = append(res.Orders, o)
}

func ms(d time.Duration) float64 { return math.Round(float64(d)/float64(time.Millisecond)*100) / 100 }

// latencies summarises every stage that some order reached.
func latencies(orders []Order) []StageLatency {
	var out []StageLatency
	for _, stage := range Stages {
		var v []float64
		for _, o := range orders {
			if x, ok := o.Stages[stage]; ok {
				v = append(v, x)
			}
		}
		if len(v) > 0 {
			out = append(out, summarise(stage, v))
		}
	}
	return out
}

func summarise(stage string, v []float64) StageLatency {
	slices.Sort(v)
	var sum float64
	for _, x := range v {
		sum += x
	}
	return StageLatency{Stage: stage, Count: len(v), P50: percentile(v, 50), P90: percentile(v, 90),
		P99: percentile(v, 99), Max: v[len(v)-1], Mean: math.Round(sum/float64(len(v))*100) / 100}
}

// percentile is the nearest-rank percentile of sorted values.
func percentile(sorted []float64, p float64) float64 {
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[max(rank, 1)-1]
}

// throughput is, per stage, the orders that reached it divided by the time
// from the start to the last of them: what the system sustained.
func throughput(orders []Order) map[string]float64 {
	out := map[string]float64{}
	for _, stage := range Stages {
		n, last := 0, 0.0
		for _, o := range orders {
			if x, ok := o.Stages[stage]; ok {
				n++
				last = max(last, o.At+x/1000)
			}
		}
		if n > 0 && last > 0 {
			out[stage] = math.Round(float64(n)/last*10) / 10
		}
	}
	return out
}

func machine() Machine {
	host, _ := os.Hostname()
	return Machine{CPUs: goruntime.NumCPU(), OS: goruntime.GOOS, Arch: goruntime.GOARCH,
		GoVersion: goruntime.Version(), Hostname: host}
}

func sortResources(r []Resource) {
	sort.Slice(r, func(i, k int) bool { return r[i].Name < r[k].Name })
}
