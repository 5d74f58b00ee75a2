package report_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/cucumber/godog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/report/junitschema"
)

// runOutcomes runs testdata/outcomes.feature with godog and steps of its
// own, one for each way a step ends, writing godog's cucumber JSON and
// godog's own JUnit XML (godog-junit.xml) to the folder it returns.
func runOutcomes(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	code := godog.TestSuite{
		Name: "outcomes",
		ScenarioInitializer: func(sc *godog.ScenarioContext) {
			sc.Step(`^a step that passes$`, func() error { return nil })
			sc.Step(`^a step that fails$`, func() error {
				// A line break, a terminal colour (control characters XML 1.0
				// has no place for) and markup.
				return errors.New("expected 1 order, got 2\n\x1b[31min red\x1b[0m <and> \"quoted\" & more")
			})
			sc.Step(`^a step that is pending$`, func() error { return godog.ErrPending })
			sc.Step(`^a step that skips the scenario$`, func() error { return godog.ErrSkip })
			sc.Step(`^a step that panics$`, func() error { panic("boom") })
			sc.Step(`^a step that two definitions match$`, func() error { return nil })
			sc.Step(`^a step that two definitions? match$`, func() error { return nil })
		},
		Options: &godog.Options{
			Format: "cucumber:" + filepath.Join(dir, "cucumber.json") + ",junit:" + filepath.Join(dir, "godog-junit.xml"),
			Paths:  []string{"testdata/outcomes.feature"}, Strict: true, Concurrency: 1, Output: io.Discard,
		},
	}.Run()
	require.Equal(t, 1, code, "the run fails")
	return dir
}

// TestTheJUnitReportIsValidAsWritten writes the JUnit report of a run in
// which scenarios pass, fail, panic, skip themselves and meet undefined,
// pending and ambiguous steps, and checks it against the common Jenkins
// JUnit schema; and checks that the schema rejects what godog's own JUnit
// formatter writes for the same run (skipped on <testsuites>, an <error>
// after a <failure>), which the suite wrote before.
func TestTheJUnitReportIsValidAsWritten(t *testing.T) {
	dir := runOutcomes(t)
	features, err := report.ReadCucumber(filepath.Join(dir, "cucumber.json"))
	require.NoError(t, err)
	path := filepath.Join(dir, "junit.xml")
	require.NoError(t, report.JUnitOf("outcomes", features).WriteFile(path))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, junitschema.Validate(data), "%s", data)

	var got report.JUnit
	require.NoError(t, xml.Unmarshal(data, &got))
	assert.Equal(t, [4]any{"outcomes", 11, 4, 3}, [4]any{got.Name, got.Tests, got.Failures, got.Errors})
	require.Len(t, got.Suites, 1)
	suite := got.Suites[0]
	assert.Equal(t, [5]any{"Every way a scenario ends", 11, 4, 3, 1},
		[5]any{suite.Name, suite.Tests, suite.Failures, suite.Errors, suite.Skipped})
	type outcome struct {
		Name, Status string
		Skipped      string
		Errors       []report.JUnitProblem
		Failures     []report.JUnitProblem
	}
	fails := report.JUnitProblem{Type: "failed",
		Message: "Step a step that fails: expected 1 order, got 2\n\uFFFD[31min red\uFFFD[0m <and> \"quoted\" & more"}
	want := []outcome{
		{Name: "A scenario that passes", Status: "passed"},
		{Name: "A scenario that fails", Status: "failed", Failures: []report.JUnitProblem{fails}},
		{Name: "A scenario that fails, then meets a step nobody wrote", Status: "failed",
			Errors:   []report.JUnitProblem{{Type: "undefined", Message: "Step a step nobody wrote: the step is undefined"}},
			Failures: []report.JUnitProblem{fails}},
		{Name: "A scenario with a step nobody wrote", Status: "undefined",
			Errors: []report.JUnitProblem{{Type: "undefined", Message: "Step a step nobody wrote: the step is undefined"}}},
		{Name: "A scenario with a pending step", Status: "pending",
			Errors: []report.JUnitProblem{{Type: "pending", Message: "Step a step that is pending: the step is pending"}}},
		{Name: "A scenario with an ambiguous step", Status: "ambiguous"},
		{Name: "A scenario that skips itself", Status: "skipped", Skipped: "Step a step that skips the scenario: skipped"},
		{Name: "A scenario that panics", Status: "failed",
			Failures: []report.JUnitProblem{{Type: "failed", Message: "Step a step that panics: boom"}}},
		{Name: "An outline whose examples share its name #1", Status: "passed"},
		{Name: "An outline whose examples share its name #2", Status: "failed", Failures: []report.JUnitProblem{fails}},
		{Name: `A name with "quotes", <markup> & an ampersand`, Status: "passed"},
	}
	require.Len(t, suite.Cases, len(want))
	for i, c := range suite.Cases {
		assert.Equal(t, "Every way a scenario ends", c.Classname)
		got := outcome{Name: c.Name, Status: c.Status, Errors: c.Errors, Failures: c.Failures}
		if c.Skipped != nil {
			got.Skipped = *c.Skipped
		}
		if c.Status == "ambiguous" { // godog's message lists the definitions
			require.Len(t, c.Errors, 1)
			assert.Equal(t, "ambiguous", c.Errors[0].Type)
			assert.Contains(t, c.Errors[0].Message, "Step a step that two definitions match: ambiguous step definition")
			got.Errors = nil
		}
		assert.Equal(t, want[i], got)
	}

	godogs, err := os.ReadFile(filepath.Join(dir, "godog-junit.xml"))
	require.NoError(t, err)
	err = junitschema.Validate(godogs)
	require.Error(t, err, "godog's own JUnit for the same run")
	assert.Contains(t, err.Error(), "Element 'testsuites', attribute 'skipped': The attribute 'skipped' is not allowed.")
	assert.Contains(t, err.Error(), "Element 'error': This element is not expected. Expected is one of ( failure, system-out, system-err ).")
}

// TestAReportOfNothingIsValid: a run that selected no scenario, and a
// scenario without step results (left out by go test -run), still make a
// valid report; the latter counts as skipped.
func TestAReportOfNothingIsValid(t *testing.T) {
	for name, features := range map[string][]report.Feature{
		"no feature":         nil,
		"a scenario not run": {{Name: "F", Elements: []report.Element{{Name: "S", Type: "scenario"}}}},
	} {
		t.Run(name, func(t *testing.T) {
			j := report.JUnitOf("mallbots", features)
			var buf bytes.Buffer
			require.NoError(t, j.Write(&buf))
			require.NoError(t, junitschema.Validate(buf.Bytes()), "%s", buf.Bytes())
			if len(features) > 0 {
				require.NotNil(t, j.Suites[0].Cases[0].Skipped)
				assert.Equal(t, [2]int{1, 1}, [2]int{j.Suites[0].Tests, j.Suites[0].Skipped})
			}
		})
	}
}
