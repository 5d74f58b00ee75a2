package local

import (
	"context"
	"os"

	psprocess "github.com/shirou/gopsutil/v4/process"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

// harnessComponent names the harness's own process, which hosts the
// embedded NATS server (and whatever drives the run, such as the load
// driver): its figures are an upper bound for NATS.
const harnessComponent = "nats (harness process)"

var _ runtime.Meter = (*Env)(nil)

// Usage reads the memory and CPU of every service, the SMS provider,
// Postgres (the postmaster and all its backends) and the harness process.
func (e *Env) Usage(ctx context.Context) ([]runtime.Usage, error) {
	var out []runtime.Usage
	for _, name := range append([]string{topology.SMSProvider}, serviceNames(e.topo)...) {
		if p := e.procs[name]; p.running() {
			out = append(out, usageOf(ctx, name, int32(p.pid()), false))
		}
	}
	if e.pg != nil && e.pg.PID() > 0 {
		out = append(out, usageOf(ctx, "postgres", int32(e.pg.PID()), true))
	}
	return append(out, usageOf(ctx, harnessComponent, int32(os.Getpid()), false)), nil
}

// usageOf sums the PSS and CPU time of pid (and of its children when
// withChildren); a process that vanished in between counts as zero.
func usageOf(ctx context.Context, name string, pid int32, withChildren bool) runtime.Usage {
	u := runtime.Usage{Name: name}
	p, err := psprocess.NewProcessWithContext(ctx, pid)
	if err != nil {
		return u
	}
	procs := []*psprocess.Process{p}
	if withChildren {
		children, _ := p.ChildrenWithContext(ctx)
		procs = append(procs, children...)
	}
	for _, q := range procs {
		mem, cpu := readProcess(ctx, q)
		u.MemoryBytes += mem
		u.CPUSeconds += cpu
	}
	return u
}

func readProcess(ctx context.Context, p *psprocess.Process) (mem uint64, cpu float64) {
	if maps, err := p.MemoryMapsWithContext(ctx, true); err == nil && maps != nil && len(*maps) > 0 {
		mem = (*maps)[0].Pss * 1024 // smaps_rollup reports kB
	} else if info, err := p.MemoryInfoWithContext(ctx); err == nil {
		mem = info.RSS
	}
	if t, err := p.TimesWithContext(ctx); err == nil {
		cpu = t.User + t.System
	}
	return mem, cpu
}
