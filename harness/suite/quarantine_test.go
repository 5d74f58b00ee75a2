package suite_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/remote/remotetest"
	"github.com/mallbots/mallbots/harness/suite"
)

// TestAQuarantinedFailureFailsNothing runs a quarantined scenario that
// fails under go test (TestingT): it is reported as a skipped subtest with
// its failure, so this test passes, and the run's summary lists it.
func TestAQuarantinedFailureFailsNothing(t *testing.T) {
	res, _, console := runQuarantined(t)
	assert.Zero(t, res.Code, console.String())
	assert.Equal(t, [4]int{2, 0, 1, 1}, [4]int{res.Scenarios, res.Failed, res.Quarantined, res.QuarantinedFailed})
	assert.Contains(t, console.String(), "passed · 2 scenarios, 0 failed, 1 quarantined (1 failed) · runtime remote")
	assert.Contains(t, console.String(), "quarantined, failed without failing the run: testdata/quarantined.feature:11")
}

// runQuarantined runs testdata/quarantined.feature, a passing and a failing
// quarantined scenario, under t against a stand-in system (every path 404),
// and returns the result, the reports folder and the console's output.
func runQuarantined(t *testing.T) (res suite.Result, reports string, console *bytes.Buffer) {
	t.Helper()
	t.Setenv("MALLBOTS_REMOTE_ENDPOINTS", remotetest.StandIn(t, http.NotFoundHandler()))
	reports, console = t.TempDir(), &bytes.Buffer{}
	res, err := suite.Run(t.Context(), suite.Config{
		Runtime: "remote", Paths: []string{"testdata/quarantined.feature"}, ReportsDir: reports,
		Console: console, TestingT: t,
	})
	require.NoError(t, err, console.String())
	return res, reports, console
}
