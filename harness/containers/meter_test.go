package containers

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/moby/moby/api/types/container"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/runtime"
)

// TestUsageFromStats converts stats snapshots (testdata/stats: recorded
// from Docker 20.10 on a cgroup v1 host, v2 from the Engine API's example,
// a stopped container's) into the figures `docker stats`
// shows: memory without the page cache, and the CPU time in seconds.
func TestUsageFromStats(t *testing.T) {
	tests := []struct {
		name string
		file string
		want runtime.Usage
	}{
		{
			name: "cgroup v2 less inactive_file",
			file: "cgroup-v2.json",
			want: runtime.Usage{MemoryBytes: 18649088 - 2510848, CPUSeconds: 0.029912},
		},
		{
			name: "cgroup v1 less total_inactive_file",
			file: "cgroup-v1.json",
			want: runtime.Usage{MemoryBytes: 77107200 - 32829440, CPUSeconds: 1.722824607},
		},
		{
			name: "stopped container is zero",
			file: "stopped.json",
			want: runtime.Usage{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "stats", tt.file))
			require.NoError(t, err)
			var st container.StatsResponse
			require.NoError(t, json.Unmarshal(data, &st))
			got := usageFromStats("orders", st)
			require.Equal(t, "orders", got.Name)
			require.Equal(t, tt.want.MemoryBytes, got.MemoryBytes, "memory")
			require.InDelta(t, tt.want.CPUSeconds, got.CPUSeconds, 1e-9, "cpu seconds")
		})
	}
}

// TestMemoryWithoutCache covers what the recorded snapshots do not.
func TestMemoryWithoutCache(t *testing.T) {
	tests := []struct {
		name  string
		stats map[string]uint64
		want  uint64
	}{
		{name: "cache when no inactive_file is reported", stats: map[string]uint64{"cache": 300, "rss": 700}, want: 700},
		{name: "total_inactive_file before inactive_file", stats: map[string]uint64{"total_inactive_file": 400, "inactive_file": 100}, want: 600},
		{name: "no stats keeps the usage", want: 1000},
		// Usage and stats are read from the kernel at different moments.
		{name: "cache larger than usage keeps the usage", stats: map[string]uint64{"inactive_file": 4000}, want: 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, memoryWithoutCache(container.MemoryStats{Usage: 1000, Stats: tt.stats}))
		})
	}
}
