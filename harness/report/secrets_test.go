package report_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
)

// TestThePageAndTheSidecarShowNoSecrets: a failure quoting a DSN or a header,
// and a call whose query carries a token, are shown with those masked.
func TestThePageAndTheSidecarShowNoSecrets(t *testing.T) {
	var log report.Log
	log.Add(report.Scenario{URI: "features/a.feature", Line: 3, Interactions: []report.Interaction{
		{Kind: report.KindHTTP, At: t0, From: "mall", To: []string{"stores"}, Method: "GET",
			Path: "/api/stores?access_token=t0ken&limit=1", Status: 200}}})
	path := filepath.Join(t.TempDir(), "interactions.json")
	require.NoError(t, report.WriteInteractions(path, log.Interactions()))
	in, err := report.ReadInteractions(path)
	require.NoError(t, err)
	assert.Equal(t, "/api/stores?access_token=REDACTED&limit=1", in.Scenarios[0].Interactions[0].Path)

	page := report.Page{Interactions: in, Features: []report.Feature{{URI: "features/a.feature", Name: "A",
		Elements: []report.Element{{Name: "S", Line: 3, Steps: []report.Step{{Name: "a step", Result: report.Result{
			Status: "failed", Error: "connect postgres://user:s3cret@host/db: refused\nAuthorization: Bearer abc"}}}}}}}}
	var b bytes.Buffer
	require.NoError(t, page.Render(&b))
	for _, secret := range []string{"s3cret", "Bearer abc", "t0ken"} {
		assert.NotContains(t, b.String(), secret)
	}
	assert.Contains(t, b.String(), "postgres://user:REDACTED@host/db")
	assert.Contains(t, b.String(), "Authorization: REDACTED")
}
