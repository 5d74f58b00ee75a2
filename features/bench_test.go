package features_test

import (
	"io"
	"testing"

	"github.com/mallbots/mallbots/harness/suite"
)

// BenchmarkFeatures runs every feature on the local runtime at the default
// concurrency and reports the environment's start time and the suite's wall
// time (targets: up <= 1.5 s, >= 40 scenarios in <= 30 s on 2 cores).
// Run: go test -run '^$' -bench Features -benchtime 1x ./features/
func BenchmarkFeatures(b *testing.B) {
	for b.Loop() {
		res, err := suite.Run(b.Context(), suite.Config{Paths: []string{"."}, ReportsDir: b.TempDir(), Console: io.Discard})
		if err != nil || res.Code != 0 {
			b.Fatalf("the features failed (code %d): %v", res.Code, err)
		}
		b.ReportMetric(float64(res.Startup.Milliseconds()), "ms-up")
		b.ReportMetric(res.Wall.Seconds(), "s-suite")
		b.ReportMetric(float64(res.Scenarios), "scenarios")
	}
}
