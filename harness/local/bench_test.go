package local_test

import (
	"context"
	"testing"
	"time"

	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/topology"
)

// BenchmarkEnvironmentUp measures bringing the whole system up on the local
// runtime (binaries already built) and reports it as ms/up; the target is
// 1.5 s. Run: go test -run '^$' -bench EnvironmentUp ./harness/local/
func BenchmarkEnvironmentUp(b *testing.B) {
	root, err := local.ModuleRoot()
	if err != nil {
		b.Fatal(err)
	}
	bins, err := local.Build(context.Background(), root)
	if err != nil {
		b.Fatal(err)
	}
	for _, topo := range []topology.Topology{topology.Microservices(), topology.Monolith()} {
		b.Run(topo.Name, func(b *testing.B) {
			var total time.Duration
			for b.Loop() {
				env, err := local.New(local.WithBinaries(bins)).Up(context.Background(), topo)
				if err != nil {
					b.Fatal(err)
				}
				total += env.StartupTime()
				b.StopTimer()
				if err := env.Close(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/up")
		})
	}
}
