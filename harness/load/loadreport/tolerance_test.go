package loadreport_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/load/loadreport"
)

func TestDefaultTolerance(t *testing.T) {
	assert.Equal(t, loadreport.Tolerance{Latency: 0.25, LatencyFloorMs: 5, Throughput: 0.10, Memory: 0.20},
		loadreport.DefaultTolerance())
}

func TestParseTolerance(t *testing.T) {
	tol := func(latency, floor, throughput, memory float64) loadreport.Tolerance {
		return loadreport.Tolerance{Latency: latency, LatencyFloorMs: floor, Throughput: throughput, Memory: memory}
	}
	tests := []struct {
		in   string
		want loadreport.Tolerance
	}{
		{"", tol(0.25, 5, 0.1, 0.2)},
		{"0.3", tol(0.3, 5, 0.3, 0.3)},
		{"0", tol(0, 5, 0, 0)},
		{"latency=0.3,throughput=0.15,memory=0.5,floor=7ms", tol(0.3, 7, 0.15, 0.5)},
		{" memory = 0.4 , floor = 0.5s ", tol(0.25, 500, 0.1, 0.4)},
		{"floor=12", tol(0.25, 12, 0.1, 0.2)},
		{"latency=1", tol(1, 5, 0.1, 0.2)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := loadreport.ParseTolerance(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseToleranceRejects(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", `"abc" is not a number`},
		{"-0.1", `"-0.1" is negative`},
		{"NaN", `"NaN" is not a number`},
		{"latency", `"latency" is not a number`},
		{"latency=", `latency: "" is not a number`},
		{"speed=0.1", `unknown key "speed" (want latency, throughput, memory or floor)`},
		{"latency=0.3,,memory=0.1", `"" is not key=value`},
		{"floor=5 parsecs", `floor: "5 parsecs" is neither a duration nor a number of milliseconds`},
		{"floor=-5ms", `floor: "-5ms" is negative`},
		{"latency=x,memory=-1", `latency: "x" is not a number` + "\n" + `memory: "-1" is negative`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := loadreport.ParseTolerance(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), "parse tolerance")
		})
	}
}
