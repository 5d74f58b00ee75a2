package shard_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/shard"
)

const (
	shard1 = `[
 {"uri": "b.feature", "id": "beta", "name": "Beta", "line": 1, "comments": [{"value": "# kept", "line": 4}],
  "elements": [{"id": "beta;two", "name": "two", "line": 9, "type": "scenario", "extra": {"kept": true}}]},
 {"uri": "a.feature", "id": "alpha", "name": "Alpha", "line": 2,
  "elements": [{"id": "alpha;one", "name": "one", "line": 3, "type": "scenario"}]}
]`
	shard2 = `[
 {"uri": "b.feature", "id": "beta", "name": "Beta", "line": 1, "comments": [{"value": "# kept", "line": 4}],
  "elements": [{"id": "beta;one", "name": "one", "line": 5, "type": "scenario"},
               {"id": "beta;three", "name": "three", "line": 12, "type": "scenario"}]},
 {"uri": "c.feature", "id": "alpha", "name": "Alpha", "line": 1,
  "elements": [{"id": "alpha;x", "name": "x", "line": 3, "type": "scenario"}]}
]`
)

// TestMergeCucumberOrdersAsOneRun: features by name then URI (as godog
// writes them), one feature's scenarios from several shards by line, and
// every member kept, known here or not.
func TestMergeCucumberOrdersAsOneRun(t *testing.T) {
	data, err := shard.MergeCucumber([]shard.Part{{From: "s1", Data: []byte(shard1)}, {From: "s2", Data: []byte(shard2)}})
	require.NoError(t, err)
	var features []report.Feature
	require.NoError(t, json.Unmarshal(data, &features))
	var got []string
	for _, f := range features {
		for _, e := range f.Elements {
			got = append(got, report.Key(f.URI, e.Line)+" "+e.ID)
		}
	}
	assert.Equal(t, []string{
		"a.feature:3 alpha;one", "c.feature:3 alpha;x",
		"b.feature:5 beta;one", "b.feature:9 beta;two", "b.feature:12 beta;three",
	}, got)
	assert.Contains(t, string(data), `"extra": {`+"\n")
	assert.Contains(t, string(data), `"value": "# kept"`)
	assert.Equal(t, byte('\n'), data[len(data)-1])
	assert.Contains(t, string(data), "\n    {\n        \"uri\": \"a.feature\",", "indented as godog does")
}

func TestMergeCucumberRefusesDuplicatesAndCorruptReports(t *testing.T) {
	_, err := shard.MergeCucumber([]shard.Part{{From: "s1", Data: []byte(shard1)}, {From: "s1 again", Data: []byte(shard1)}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "scenario b.feature:9 is in two reports: s1 and s1 again")
	for _, bad := range []string{`[{`, `{}`, `[{"name": "no uri"}]`, `[{"uri": "a", "elements": [{"line": "x"}]}]`} {
		_, err = shard.MergeCucumber([]shard.Part{{From: "s2", Data: []byte(bad)}})
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "s2 is not valid cucumber JSON", bad)
	}
}

func TestMergeCucumberOfNothingIsAnEmptyReport(t *testing.T) {
	data, err := shard.MergeCucumber([]shard.Part{{From: "s1", Data: []byte("[]\n")}})
	require.NoError(t, err)
	assert.Equal(t, "[]\n", string(data))
}

func TestRenumberRowsGivesRowsTheirNumberInTheWholeTable(t *testing.T) {
	in := `[{"uri": "o.feature", "name": "O", "elements": [
	  {"id": "o;every;examples;2", "line": 14, "type": "scenario"},
	  {"id": "o;plain", "line": 20, "type": "scenario"}]}]`
	out, err := shard.RenumberRows([]byte(in), map[shard.Scenario]int{{URI: "o.feature", Line: 14}: 4})
	require.NoError(t, err)
	assert.Contains(t, string(out), `"id": "o;every;examples;4"`)
	assert.Contains(t, string(out), `"id": "o;plain"`)
}

func TestMergeInteractions(t *testing.T) {
	s := func(uri string, line int) report.Scenario { return report.Scenario{URI: uri, Line: line} }
	got, err := shard.MergeInteractions([]report.Interactions{
		{Scenarios: []report.Scenario{s("b", 2), s("a", 9)}}, {Scenarios: []report.Scenario{s("a", 3)}},
	}, []string{"s1", "s2"})
	require.NoError(t, err)
	assert.Equal(t, []report.Scenario{s("a", 3), s("a", 9), s("b", 2)}, got.Scenarios)
	_, err = shard.MergeInteractions([]report.Interactions{
		{Scenarios: []report.Scenario{s("a", 3)}}, {Scenarios: []report.Scenario{s("a", 3)}},
	}, []string{"s1", "s2"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "scenario a:3 is in two interactions sidecars: s1 and s2")
}
