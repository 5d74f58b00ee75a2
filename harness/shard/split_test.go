package shard_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/shard"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    shard.Spec
		wantErr bool
	}{
		{"", shard.Spec{}, false},
		{"1/3", shard.Spec{Index: 1, Count: 3}, false},
		{"3/3", shard.Spec{Index: 3, Count: 3}, false},
		{"1/1", shard.Spec{Index: 1, Count: 1}, false},
		{"0/3", shard.Spec{}, true},
		{"4/3", shard.Spec{}, true},
		{"1/0", shard.Spec{}, true},
		{"3", shard.Spec{}, true},
		{"a/b", shard.Spec{}, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := shard.Parse(tc.in)
			if tc.wantErr {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "want i/n with 1 <= i <= n")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// scenarios are n scenarios over a few feature files.
func scenarios(n int) []shard.Scenario {
	out := make([]shard.Scenario, n)
	for i := range out {
		out[i] = shard.Scenario{URI: fmt.Sprintf("features/f%d.feature", i%4), Line: 3 + i}
	}
	return out
}

// assertPartition checks that every scenario is in exactly one shard.
func assertPartition(t *testing.T, all []shard.Scenario, shards [][]shard.Scenario) {
	t.Helper()
	union := []shard.Scenario{}
	for _, s := range shards {
		assert.True(t, slices.IsSortedFunc(s, shard.Compare), "each shard sorted")
		union = append(union, s...)
	}
	slices.SortFunc(union, shard.Compare)
	want := slices.Clone(all)
	slices.SortFunc(want, shard.Compare)
	assert.Equal(t, want, union, "every scenario in exactly one shard")
}

func TestSplitByCountIsCompleteDisjointAndEven(t *testing.T) {
	for _, tc := range []struct{ scenarios, shards int }{{11, 3}, {12, 3}, {2, 3}, {0, 3}, {7, 1}, {100, 7}} {
		t.Run(fmt.Sprintf("%d in %d", tc.scenarios, tc.shards), func(t *testing.T) {
			all := scenarios(tc.scenarios)
			shards := shard.Split(all, tc.shards, nil)
			require.Len(t, shards, tc.shards)
			assertPartition(t, all, shards)
			for _, s := range shards {
				assert.InDelta(t, float64(tc.scenarios)/float64(tc.shards), float64(len(s)), 1)
			}
		})
	}
}

func TestSplitIsTheSameWhateverTheOrder(t *testing.T) {
	all := scenarios(40)
	timings := shard.Timings{}
	for i, s := range all[:30] {
		timings[s] = time.Duration(i%7+1) * time.Second
	}
	for _, tm := range []shard.Timings{nil, timings} {
		want := shard.Split(all, 3, tm)
		for range 20 {
			shuffled := slices.Clone(all)
			rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			assert.Equal(t, want, shard.Split(shuffled, 3, tm))
		}
	}
}

func TestSplitByCountDealsInFileOrder(t *testing.T) {
	a := func(line int) shard.Scenario { return shard.Scenario{URI: "a.feature", Line: line} }
	b := func(line int) shard.Scenario { return shard.Scenario{URI: "b.feature", Line: line} }
	got := shard.Split([]shard.Scenario{b(3), a(20), a(7), b(9), a(12)}, 2, nil)
	assert.Equal(t, [][]shard.Scenario{{a(7), a(20), b(9)}, {a(12), b(3)}}, got)
}

// TestSplitByTimingsBalancesTheWork: one long scenario and many short
// ones; by count a shard would take the long one and as many short ones.
func TestSplitByTimingsBalancesTheWork(t *testing.T) {
	all := scenarios(13)
	timings := shard.Timings{all[0]: 60 * time.Second}
	for _, s := range all[1:] {
		timings[s] = 5 * time.Second
	}
	shards := shard.Split(all, 3, timings)
	assertPartition(t, all, shards)
	load := func(s []shard.Scenario) (d time.Duration) {
		for _, sc := range s {
			d += timings[sc]
		}
		return d
	}
	assert.Equal(t, []shard.Scenario{all[0]}, shards[0], "the long one alone")
	assert.Equal(t, 30*time.Second, load(shards[1]))
	assert.Equal(t, 30*time.Second, load(shards[2]))
	byCount := shard.Split(all, 3, nil)
	assert.Greater(t, load(byCount[0]), 60*time.Second, "by count the long one has company")
}

// TestAScenarioWithoutTimingWeighsTheMean: a new scenario weighs the mean
// of the known ones, not nothing (which would pile new ones on one shard).
func TestAScenarioWithoutTimingWeighsTheMean(t *testing.T) {
	all := scenarios(6)
	timings := shard.Timings{all[0]: 10 * time.Second, all[1]: 10 * time.Second, all[2]: 10 * time.Second}
	shards := shard.Split(all, 2, timings)
	assertPartition(t, all, shards)
	assert.Len(t, shards[0], 3)
	assert.Len(t, shards[1], 3)
}

func TestFingerprintIgnoresOrder(t *testing.T) {
	all := scenarios(5)
	reversed := slices.Clone(all)
	slices.Reverse(reversed)
	assert.Equal(t, shard.Fingerprint(all), shard.Fingerprint(reversed))
	assert.NotEqual(t, shard.Fingerprint(all), shard.Fingerprint(all[1:]))
	assert.Regexp(t, `^sha256:[0-9a-f]{16}$`, shard.Fingerprint(all))
}
