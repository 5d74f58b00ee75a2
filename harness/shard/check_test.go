package shard_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/shard"
)

// manifests are the manifests of a run of five scenarios in three shards.
func manifests() []shard.Manifest {
	m := func(i int, scenarios ...string) shard.Manifest {
		return shard.Manifest{Shard: i, Of: 3, Total: 5, Selection: "sha256:aa", Split: "count",
			Runtime: "local", Topology: "microservices", Scenarios: scenarios}
	}
	return []shard.Manifest{m(1, "a:3", "b:9"), m(2, "a:7", "b:12"), m(3, "a:11")}
}

var dirs = []string{"s1", "s2", "s3"}

func TestCheckAcceptsTheShardsOfOneRun(t *testing.T) {
	require.NoError(t, shard.Check(manifests(), dirs))
	ms := manifests()
	ms[0], ms[2] = ms[2], ms[0]
	require.NoError(t, shard.Check(ms, dirs), "in any order")
}

func TestCheckRefusesWhatIsNotOneRun(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func([]shard.Manifest) ([]shard.Manifest, []string)
		want   string
	}{
		{"a shard missing", func(ms []shard.Manifest) ([]shard.Manifest, []string) { return ms[:2], dirs[:2] },
			"shards missing: 3/3"},
		{"a shard twice", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			return append(ms, ms[1]), append(dirs[:3:3], "s2 again")
		}, "shard 2/3 given twice: s2 and s2 again"},
		{"another shard count", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			ms[2].Of = 4
			return ms, dirs
		}, "different shard counts: s1 has 3, s3 has 4"},
		{"another selection", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			ms[1].Total, ms[1].Selection = 6, "sha256:bb"
			return ms, dirs
		}, "different selections of scenarios: s1 has 5 scenarios sha256:aa, s2 has 6 scenarios sha256:bb"},
		{"another split", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			ms[1].Split = "timings sha256:cc"
			return ms, dirs
		}, "different splits: s1 has count, s2 has timings sha256:cc"},
		{"another runtime", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			ms[2].Runtime = "containers"
			return ms, dirs
		}, "different runtimes: s1 has local, s3 has containers"},
		{"overlapping shards", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			ms[2].Scenarios = []string{"a:11", "b:9"}
			return ms, dirs
		}, "scenario b:9 is in two shards: s1 and s3"},
		{"a scenario in none", func(ms []shard.Manifest) ([]shard.Manifest, []string) {
			ms[2].Scenarios = nil
			return ms, dirs
		}, "the shards ran 4 scenarios of the 5 selected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, ds := tc.change(manifests())
			err := shard.Check(ms, ds)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestCheckRanNamesWhatIsMissingAndWhatIsExtra(t *testing.T) {
	m := manifests()[0]
	require.NoError(t, m.CheckRan("s1", []shard.Scenario{{URI: "b", Line: 9}, {URI: "a", Line: 3}}))
	err := m.CheckRan("s1", []shard.Scenario{{URI: "a", Line: 3}, {URI: "a", Line: 7}})
	require.Error(t, err)
	assert.Equal(t, "s1: the report of shard 1/3 does not hold the scenarios it was given: 1 missing (b:9), 1 not given to it (a:7)", err.Error())
}

func TestManifestRoundTripsAndIsNeededToMerge(t *testing.T) {
	dir := t.TempDir()
	_, err := shard.ReadManifest(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no shard.json: not the reports of a shard")
	want := manifests()[1]
	require.NoError(t, want.Write(dir))
	got, err := shard.ReadManifest(dir)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	require.NoError(t, shard.RemoveManifest(dir))
	require.NoError(t, shard.RemoveManifest(dir), "removing none is fine")
}
