package loadreport_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/harness/load"
)

// many is n orders sent over 30 s, their latencies spread over three
// orders of magnitude, every one approved and every other one completed.
func many(n int) []load.Order {
	out := make([]load.Order, n)
	for i := range out {
		ms := 5 + float64(i%1000)*float64(i%7+1)
		out[i] = load.Order{At: 30 * float64(i) / float64(n), Outcome: "approved", Stages: map[string]float64{"approved": ms}}
		if i%2 == 0 {
			out[i].Stages["completed"] = ms * 3
		}
	}
	return out
}

func TestThePageCopesWithAnyRun(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *load.Result)
		check func(t *testing.T, p string)
	}{
		{"no order", func(r *load.Result) { r.Orders = nil; r.Latency = nil }, func(t *testing.T, p string) {
			assert.Contains(t, p, "No order reached approved or completed.")
			assert.Contains(t, section(t, p, `<figure id="hist-completed">`), "No order reached completed.")
			assert.NotContains(t, p, `id="hist-sms"`)
		}},
		{"one order", func(r *load.Result) { r.Orders = r.Orders[:1]; r.Elapsed = 0 }, func(t *testing.T, p string) {
			assert.Equal(t, 1, dots(t, p, "#0072B2"))
			assert.Contains(t, p, "1 order;")
		}},
		{"every latency zero", func(r *load.Result) {
			r.Orders = []load.Order{{At: 0, Stages: map[string]float64{"approved": 0}}}
			r.Latency = nil
		}, func(t *testing.T, p string) { assert.Equal(t, 1, dots(t, p, "#0072B2")) }},
		{"no sample", func(r *load.Result) { r.Samples = nil; r.Resources = nil }, func(t *testing.T, p string) {
			assert.Contains(t, section(t, p, `<figure id="memory">`), "No resource sample.")
			assert.Contains(t, p, "No component measured.")
		}},
		{"no completion", func(r *load.Result) {
			r.Orders = many(10)
			for _, o := range r.Orders {
				delete(o.Stages, "completed")
			}
		}, func(t *testing.T, p string) {
			assert.Equal(t, 0, dots(t, p, "#D55E00"))
			assert.Contains(t, section(t, p, `<figure id="hist-completed">`), "No order reached completed.")
		}},
		{"not a number", func(r *load.Result) {
			r.Latency[3].P99, r.Throughput["approved"] = math.NaN(), math.Inf(1)
			r.Orders[0].Stages["approved"], r.Samples[0].CPUPercent["baskets"] = math.Inf(1), math.NaN()
			r.Hops[0].P50, r.Hops[1].Max = math.NaN(), math.Inf(1)
		}, func(t *testing.T, p string) { assert.Contains(t, p, `<figure id="hist-approved">`) }},
		{"20,000 orders", func(r *load.Result) { r.Orders = many(20000) }, func(t *testing.T, p string) {
			assert.Contains(t, p, "20000 orders; dashed lines are each stage&#39;s p50 and p99; downsampled: 1 order in 5 drawn (4000 of 20000)")
			assert.Equal(t, 4000, dots(t, p, "#0072B2"))
			assert.Equal(t, 2000, dots(t, p, "#D55E00"))
			assert.Contains(t, p, "logarithmic scale")
		}},
		{"4,000 orders, all drawn", func(r *load.Result) { r.Orders = many(4000) }, func(t *testing.T, p string) {
			assert.NotContains(t, p, "downsampled")
			assert.Equal(t, 4000, dots(t, p, "#0072B2"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fixture()
			tt.edit(&r)
			p := page(t, r)
			tt.check(t, p)
			for _, bad := range []string{"NaN", "Inf", "<script"} {
				assert.NotContains(t, p, bad)
			}
			for _, stage := range []string{"approved", "completed"} {
				assert.Contains(t, p, fmt.Sprintf(`<figure id="hist-%s">`, stage))
			}
			assert.True(t, strings.HasSuffix(p, "</html>\n"), "the page is complete")
		})
	}
}
