package load_test

import (
	"context"
	"testing"
	"time"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/topology"
)

// BenchmarkCheckoutToApproved drives the local runtime at 20 checkouts/s for
// 10 s per iteration and reports the latency from checkout to approved
// (p50, p99 in ms), the orders/s that reached approved and the peak memory of
// the whole environment. The targets (README, Performance): p50 <= 50 ms and
// p99 <= 250 ms at 100/s, >= 200/s sustained, <= 400 MB.
// Run: go test -run '^$' -bench CheckoutToApproved ./harness/load/
func BenchmarkCheckoutToApproved(b *testing.B) {
	for _, topo := range []topology.Topology{topology.Microservices(), topology.Monolith()} {
		b.Run(topo.Name, func(b *testing.B) {
			env, err := local.New().Up(context.Background(), topo)
			if err != nil {
				b.Fatal(err)
			}
			defer func() { _ = env.Close(context.Background()) }()
			for b.Loop() {
				res, err := load.Run(context.Background(), load.Config{Rate: 20, Duration: 10 * time.Second,
					Until: load.StageApproved, Runtime: "local", Topology: topo.Name}, env)
				if err != nil {
					b.Fatal(err)
				}
				report(b, res)
			}
		})
	}
}

func report(b *testing.B, res load.Result) {
	if res.NotTerminal > 0 {
		b.Errorf("%d orders not terminal", res.NotTerminal)
	}
	if l, ok := res.LatencyOf(load.StageApproved); ok {
		b.ReportMetric(l.P50, "p50-ms")
		b.ReportMetric(l.P99, "p99-ms")
	}
	b.ReportMetric(res.Throughput[load.StageApproved], "approved/s")
	b.ReportMetric(float64(res.PeakTotalMemory)/(1<<20), "peak-MiB")
}
