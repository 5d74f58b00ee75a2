package suite_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
	"github.com/mallbots/mallbots/harness/report/junitschema"
	"github.com/mallbots/mallbots/harness/suite"
)

// TestARunWritesTheLivingDocumentation runs a feature on the local runtime
// and checks that the run leaves the interactions sidecar and a page
// drawing the scenario's HTTP call and the messages that followed.
func TestARunWritesTheLivingDocumentation(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the whole system")
	}
	reports := t.TempDir()
	var console bytes.Buffer
	res, err := suite.Run(t.Context(), suite.Config{
		Paths: []string{"testdata/living-doc.feature"}, ReportsDir: reports, Console: &console, Concurrency: 1,
	})
	require.NoError(t, err, console.String())
	require.Zero(t, res.Code, console.String())
	page := filepath.Join(reports, "living-doc.html")
	assert.Contains(t, console.String(), "living documentation: "+page)

	in, err := report.ReadInteractions(filepath.Join(reports, "interactions.json"))
	require.NoError(t, err)
	require.Len(t, in.Scenarios, 1)
	s := in.Scenarios[0]
	assert.Equal(t, 6, s.Line, "the scenario's line, as cucumber JSON has it")
	assert.True(t, slices.ContainsFunc(s.Interactions, func(it report.Interaction) bool {
		return it.Kind == report.KindHTTP && it.From == "mall" && slices.Equal(it.To, []string{"stores"}) &&
			it.Method == "POST" && it.Path == "/api/stores" && it.Status == 201
	}), "the step's call: %+v", s.Interactions)
	assert.True(t, slices.ContainsFunc(s.Interactions, func(it report.Interaction) bool {
		return it.Kind == report.KindMessage && it.Name == "StoreCreated" && it.From == "stores" &&
			slices.Contains(it.To, "baskets")
	}), "the message that followed: %+v", s.Interactions)

	data, err := os.ReadFile(page)
	require.NoError(t, err)
	html := string(data)
	for _, want := range []string{
		"The living documentation of a run", "A store joins the mall",
		`<span class="kw">Given</span> a store &#34;Corner Shop&#34; on &#34;Level 1&#34; joins the mall`,
		`<svg class="sequence"`,
		`>POST /api/stores → 201</text>`,
		`<g class="arrow event"><title>mallbots.stores.events.StoreCreated (stores → baskets)</title>`,
		`>StoreCreated</text>`,
	} {
		assert.Contains(t, html, want)
	}
}

// TestARunWritesJUnitValidAgainstTheJenkinsSchema runs a passing and a
// failing (quarantined) scenario against a stand-in system and checks the
// junit.xml the run leaves against the common Jenkins JUnit schema, as
// written.
func TestARunWritesJUnitValidAgainstTheJenkinsSchema(t *testing.T) {
	_, reports, _ := runQuarantined(t)
	data, err := os.ReadFile(filepath.Join(reports, "junit.xml"))
	require.NoError(t, err)
	require.NoError(t, junitschema.Validate(data), "%s", data)
	text := string(data)
	assert.Contains(t, text, `<testsuites name="mallbots" tests="2" failures="1" errors="0"`)
	assert.Contains(t, text, `<testcase name="A steady scenario" classname="A feature with a quarantined scenario" status="passed"`)
	assert.Contains(t, text, `<failure type="failed" message="Step the response status is 200: `)
}
