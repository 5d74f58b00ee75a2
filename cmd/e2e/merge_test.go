package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShardUsageErrors: a bad shard, a shard with repeat, timings without
// a shard, and a merge without folders are usage errors (exit 2), told
// before anything starts.
func TestShardUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"a shard past the count", []string{"run", "--shard", "4/3"}, `shard "4/3": want i/n with 1 <= i <= n`},
		{"a shard repeated", []string{"run", "--shard", "1/3", "--repeat", "2"}, "a shard does not repeat"},
		{"timings without a shard", []string{"run", "--shard-timings", "reports/cucumber.json"}, "give a shard i/n too"},
		{"merge without folders", []string{"merge"}, "merge: give the reports folders of the shards"},
		{"merge of a folder that is no shard", []string{"merge", "--reports", t.TempDir(), t.TempDir()}, "no shard.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SHARD", "")
			code, err := dispatch(t.Context(), tc.args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Equal(t, 2, code)
		})
	}
}

func TestShardFlagsDefaultToTheirEnvironmentVariables(t *testing.T) {
	t.Setenv("SHARD", "2/3")
	t.Setenv("SHARD_TIMINGS", "last/cucumber.json")
	cfg, err := parseConfig("run", nil)
	require.NoError(t, err)
	assert.Equal(t, "2/3", cfg.Shard)
	assert.Equal(t, "last/cucumber.json", cfg.ShardTimings)
}
