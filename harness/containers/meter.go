package containers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

var _ runtime.Meter = (*Env)(nil)

// Usage reads one stats snapshot of every container of the run (NATS,
// Postgres, the SMS provider and each service), all side by side: the
// engine's stats collector answers the first read at once and the others
// on its next round, a second later (Docker 20.10), so a sample takes
// about a second however many containers there are, instead of a second
// each in a row. A container that vanished counts as zero.
func (e *Env) Usage(ctx context.Context) ([]runtime.Usage, error) {
	names, ids := e.meteredContainers()
	out := make([]runtime.Usage, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			out[i] = runtime.Usage{Name: name}
			st, err := e.eng.stats(ctx, ids[i])
			switch {
			case isNotFound(err):
			case err != nil:
				errs[i] = fmt.Errorf("stats of %s: %w", name, err)
			default:
				out[i] = usageFromStats(name, st)
			}
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// meteredContainers are the names and ids of the run's containers, the
// infrastructure first, then the services in the topology's order.
func (e *Env) meteredContainers() (names, ids []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	infra := append(e.natsNodes(), postgresAlias, topology.SMSProvider)
	for _, name := range append(infra, serviceNames(e.topo)...) {
		if c, ok := e.containers[name]; ok {
			names, ids = append(names, name), append(ids, c.GetContainerID())
		}
	}
	return names, ids
}

// stats reads one snapshot of a container's stats (one-shot: without the
// second sample, a second later, that CPU percentages need).
func (e *Engine) stats(ctx context.Context, id string) (container.StatsResponse, error) {
	var st container.StatsResponse
	res, err := e.cli.ContainerStats(ctx, id, client.ContainerStatsOptions{})
	if err != nil {
		return st, err
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(&st); err != nil {
		return st, fmt.Errorf("decode stats: %w", err)
	}
	return st, nil
}

// usageFromStats converts a stats snapshot: the memory `docker stats`
// shows and the CPU time used since the container started.
func usageFromStats(name string, st container.StatsResponse) runtime.Usage {
	return runtime.Usage{
		Name:        name,
		MemoryBytes: memoryWithoutCache(st.MemoryStats),
		CPUSeconds:  float64(st.CPUStats.CPUUsage.TotalUsage) / 1e9,
	}
}

// memoryWithoutCache is the memory in use less the page cache the kernel
// can reclaim at once, as `docker stats` computes it: inactive_file on
// cgroup v2, total_inactive_file on v1 (cache on daemons that report
// neither).
func memoryWithoutCache(m container.MemoryStats) uint64 {
	for _, key := range []string{"total_inactive_file", "inactive_file", "cache"} {
		if v, ok := m.Stats[key]; ok {
			if v > m.Usage {
				return m.Usage
			}
			return m.Usage - v
		}
	}
	return m.Usage
}
