// Package features holds the Gherkin specification of MallBots, one folder
// per bounded context and journeys/ across them. This test runs it on the
// local runtime, so that IDE users and `make test` run the same suite as
// `make e2e`. TAGS and CONCURRENCY narrow or widen a run as they do there.
package features_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/suite"
)

func TestFeatures(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole system")
	}
	concurrency, _ := strconv.Atoi(os.Getenv("CONCURRENCY"))
	res, err := suite.Run(t.Context(), suite.Config{
		Paths: []string{"."}, ReportsDir: "../reports", Tags: os.Getenv("TAGS"),
		Concurrency: concurrency, Randomize: -1, TestingT: t,
	})
	require.NoError(t, err)
	require.Zero(t, res.Code, "the features failed (see above)")
}
