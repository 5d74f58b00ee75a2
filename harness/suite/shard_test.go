package suite_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/flakes"
	"github.com/mallbots/mallbots/harness/remote/remotetest"
	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/shard"
	"github.com/mallbots/mallbots/harness/suite"
	"github.com/mallbots/mallbots/system/contexts"
)

const shardFeatures = "testdata/shards"

// TestThreeShardsMergedEqualOneRun runs testdata/shards in one run and as
// three shards against one stand-in system, merges the shards, and checks
// that the merged reports equal the one run's once timings and
// correlation ids are normalised (package shard defines what may differ):
// the same scenarios with the same results, the same cucumber JSON, JUnit,
// interactions and living documentation.
func TestThreeShardsMergedEqualOneRun(t *testing.T) {
	standIn(t)
	whole, res := runShard(t, shardFeatures, "", "")
	require.Equal(t, 11, res.Scenarios, "every selected scenario, each example row one")
	dirs := runShards(t, shardFeatures, 3, "")
	merged := t.TempDir()
	var console bytes.Buffer
	res2, err := suite.Merge(suite.MergeConfig{Dirs: dirs, ReportsDir: merged, Console: &console})
	require.NoError(t, err, console.String())
	assert.Equal(t, outcomes(res), outcomes(res2), "the same scenarios, with the same results")
	assert.Equal(t, [4]int{res.Code, res.Scenarios, res.Quarantined, res.QuarantinedFailed},
		[4]int{res2.Code, res2.Scenarios, res2.Quarantined, res2.QuarantinedFailed})
	assert.Contains(t, console.String(), "merged 3 shards: ")
	assert.Contains(t, console.String(), "passed · 11 scenarios, 0 failed, 1 quarantined (1 failed) · runtime remote")
	assertSameReports(t, whole, merged)
	assert.NoFileExists(t, filepath.Join(merged, shard.ManifestFile), "the merged folder is a whole run")

	t.Run("refusals", func(t *testing.T) { mergeRefusals(t, whole, dirs) })
	t.Run("balanced by timings", func(t *testing.T) {
		timed := runShards(t, shardFeatures, 3, filepath.Join(whole, "cucumber.json"))
		m, err := shard.ReadManifest(timed[0])
		require.NoError(t, err)
		assert.Regexp(t, `^timings sha256:[0-9a-f]{16}$`, m.Split)
		merged := t.TempDir()
		_, err = suite.Merge(suite.MergeConfig{Dirs: timed, ReportsDir: merged, Console: io.Discard})
		require.NoError(t, err)
		assertSameReports(t, whole, merged)
	})
}

// TestAnEmptyShardPassesAndMerges splits two scenarios into three shards:
// the third has none, starts nothing, passes with empty reports, and the
// three merge into the reports of one run.
func TestAnEmptyShardPassesAndMerges(t *testing.T) {
	standIn(t)
	const features = shardFeatures + "/c.feature"
	whole, _ := runShard(t, features, "", "")
	dirs := runShards(t, features, 3, "")
	empty := dirs[2]
	data, err := os.ReadFile(filepath.Join(empty, "cucumber.json"))
	require.NoError(t, err)
	assert.Equal(t, "[]\n", string(data))
	in, err := report.ReadInteractions(filepath.Join(empty, "interactions.json"))
	require.NoError(t, err)
	assert.Empty(t, in.Scenarios)
	junit, err := os.ReadFile(filepath.Join(empty, "junit.xml"))
	require.NoError(t, err)
	assert.Contains(t, string(junit), `<testsuites name="mallbots" tests="0" failures="0" errors="0" time="0.000"></testsuites>`)
	assert.FileExists(t, filepath.Join(empty, "living-doc.html"))
	m, err := shard.ReadManifest(empty)
	require.NoError(t, err)
	assert.Equal(t, [3]int{3, 3, 2}, [3]int{m.Shard, m.Of, m.Total})
	assert.Empty(t, m.Scenarios)

	merged := t.TempDir()
	_, err = suite.Merge(suite.MergeConfig{Dirs: dirs, ReportsDir: merged, Console: io.Discard})
	require.NoError(t, err)
	assertSameReports(t, whole, merged)
}

// mergeRefusals checks that folders that are not the shards of one run,
// each once and whole, are refused with a reason, and nothing written.
func mergeRefusals(t *testing.T, whole string, dirs []string) {
	corrupt := copyDir(t, dirs[1])
	require.NoError(t, os.WriteFile(filepath.Join(corrupt, "cucumber.json"), []byte("[{"), 0o644))
	lacking := copyDir(t, dirs[1])
	require.NoError(t, os.WriteFile(filepath.Join(lacking, "cucumber.json"), []byte("[]\n"), 0o644))
	noSidecar := copyDir(t, dirs[1])
	require.NoError(t, os.Remove(filepath.Join(noSidecar, "interactions.json")))
	for _, tc := range []struct {
		name string
		dirs []string
		want string
	}{
		{"a shard missing", dirs[:2], "shards missing: 3/3"},
		{"a shard twice", append([]string{dirs[0]}, dirs...), "shard 1/3 given twice: " + dirs[0] + " and " + dirs[0]},
		{"not a shard", []string{whole}, whole + ": no shard.json: not the reports of a shard"},
		{"nothing", nil, "no shard to merge"},
		{"a corrupt report", []string{dirs[0], corrupt, dirs[2]}, "is not valid cucumber JSON"},
		{"a report without its scenarios", []string{dirs[0], lacking, dirs[2]},
			"the report of shard 2/3 does not hold the scenarios it was given: 4 missing (testdata/shards/a.feature:12, "},
		{"no interactions", []string{dirs[0], noSidecar, dirs[2]}, "shard 2/3: read interactions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			res, err := suite.Merge(suite.MergeConfig{Dirs: tc.dirs, ReportsDir: out, Console: io.Discard})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Equal(t, 2, res.Code)
			assert.NoFileExists(t, filepath.Join(out, "cucumber.json"))
		})
	}
}

func copyDir(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	require.NoError(t, os.CopyFS(out, os.DirFS(dir)))
	return out
}

// assertSameReports compares two runs' reports once normalised.
func assertSameReports(t *testing.T, want, got string) {
	t.Helper()
	for _, name := range []string{"cucumber.json", "junit.xml", "interactions.json", "living-doc.html"} {
		assert.Equal(t, normalised(t, filepath.Join(want, name)), normalised(t, filepath.Join(got, name)), name)
	}
}

// standIn points the remote runtime at a stand-in system with a server of
// its own for each context (so that the living documentation draws each
// call to the context it names), whose /api/echo answers 200 and
// everything else but /healthz 404.
func standIn(t *testing.T) {
	t.Helper()
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/echo" {
			http.NotFound(w, r)
		}
	})
	nats, _, _ := strings.Cut(remotetest.StandIn(t, handler), ",")
	endpoints := []string{nats}
	for _, name := range contexts.Names() {
		mux := http.NewServeMux()
		mux.HandleFunc("GET /healthz", func(http.ResponseWriter, *http.Request) {})
		mux.Handle("/", handler)
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		endpoints = append(endpoints, name+"="+srv.URL)
	}
	t.Setenv("MALLBOTS_REMOTE_ENDPOINTS", strings.Join(endpoints, ","))
}

// runShard runs the features, or one shard of them, on the remote
// runtime and returns its reports folder and result.
func runShard(t *testing.T, features, spec, timings string) (string, suite.Result) {
	t.Helper()
	reports, console := t.TempDir(), &bytes.Buffer{}
	res, err := suite.Run(t.Context(), suite.Config{
		Runtime: "remote", Paths: []string{features}, ReportsDir: reports, Console: console,
		Shard: spec, ShardTimings: timings,
	})
	require.NoError(t, err, console.String())
	require.Zero(t, res.Code, console.String())
	return reports, res
}

// runShards runs the n shards of the features and returns their folders.
func runShards(t *testing.T, features string, n int, timings string) []string {
	t.Helper()
	dirs := make([]string, n)
	for i := range dirs {
		dirs[i], _ = runShard(t, features, fmt.Sprintf("%d/%d", i+1, n), timings)
	}
	return dirs
}

// timings are what package shard lets differ between a merged and a whole
// run: durations and instants, and correlation ids.
var timings = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`"(duration|durationMs)": [0-9.e-]+`), `"$1": 0`},
	{regexp.MustCompile(`"at": "[^"]+"`), `"at": ""`},
	{regexp.MustCompile(`time="[0-9.]+"`), `time=""`},
	{regexp.MustCompile(`scenario-[0-9a-f-]{36}`), `scenario-ID`},
	{regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d [A-Z+\-0-9]+`), `DATE`},
	{regexp.MustCompile(`\d\d:\d\d:\d\d\.\d{3}`), `CLOCK`},
	{regexp.MustCompile(`\+?\d+(\.\d+)? ?(ms|µs|s)\b`), `T`},
}

func normalise(data []byte) string {
	for _, n := range timings {
		data = n.re.ReplaceAll(data, []byte(n.with))
	}
	return string(data)
}

func normalised(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return normalise(data)
}

func outcomes(res suite.Result) []flakes.Outcome {
	out := slices.Clone(res.Outcomes)
	for i := range out {
		out[i].Message = normalise([]byte(out[i].Message))
	}
	return out
}
