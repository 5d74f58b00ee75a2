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
	t.Setenv("MALLBOTS_REMOTE_ENDPOINTS", remotetest.StandIn(t, http.NotFoundHandler()))
	var console bytes.Buffer
	res, err := suite.Run(t.Context(), suite.Config{
		Runtime: "remote", Paths: []string{"testdata/quarantined.feature"}, ReportsDir: t.TempDir(),
		Console: &console, TestingT: t,
	})
	require.NoError(t, err, console.String())
	assert.Zero(t, res.Code, console.String())
	assert.Equal(t, [4]int{2, 0, 1, 1}, [4]int{res.Scenarios, res.Failed, res.Quarantined, res.QuarantinedFailed})
	assert.Contains(t, console.String(), "passed · 2 scenarios, 0 failed, 1 quarantined (1 failed) · runtime remote")
	assert.Contains(t, console.String(), "quarantined, failed without failing the run: testdata/quarantined.feature:11")
}
