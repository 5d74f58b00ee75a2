package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
)

var update = flag.Bool("update", false, "rewrite testdata/living-doc.golden.html")

// cucumberFixture is godog's cucumber JSON for a feature of two scenarios,
// one failed, with a data table and text that must be escaped.
const cucumberFixture = `[{
  "uri": "features/baskets/filling.feature", "id": "filling-a-basket", "keyword": "Feature",
  "name": "Filling a basket", "line": 2,
  "description": "  As a customer <of the mall>\n  I want to fill a basket\n    one item at a time",
  "tags": [{"name": "@baskets", "line": 1}],
  "elements": [{
    "id": "filling-a-basket;a-customer-fills-a-basket", "keyword": "Scenario", "type": "scenario",
    "name": "A customer fills a basket", "line": 7, "tags": [{"name": "@baskets", "line": 1}, {"name": "@smoke", "line": 6}],
    "steps": [
      {"keyword": "Given ", "name": "a store \"Corner Shop\" on \"Level 1\" joins the mall", "line": 8,
       "result": {"status": "passed", "duration": 51000000}},
      {"keyword": "When ", "name": "\"Ada\" starts a basket", "line": 9, "result": {"status": "passed", "duration": 12000000}},
      {"keyword": "Then ", "name": "these messages are published in order:", "line": 10,
       "rows": [{"cells": ["message"]}, {"cells": ["BasketStarted"]}],
       "result": {"status": "passed", "duration": 2000000}}
    ]
  }, {
    "id": "filling-a-basket;a-basket-with-<script>", "keyword": "Scenario", "type": "scenario",
    "name": "A basket with <script>alert(1)</script>", "line": 14,
    "steps": [
      {"keyword": "Given ", "name": "\"Ada\" starts a basket", "line": 15,
       "result": {"status": "failed", "duration": 1500000000,
                  "error_message": "expected a BasketStarted message within 0.5s\nmessage timeline:\n  none"}},
      {"keyword": "Then ", "name": "the basket of \"Ada\" is empty", "line": 16, "result": {"status": "skipped"}}
    ]
  }]
}]`

var t0 = time.Date(2025, 11, 26, 10, 0, 0, 0, time.UTC)

func sidecarFixture() report.Interactions {
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	return report.Interactions{Scenarios: []report.Scenario{{
		URI: "features/baskets/filling.feature", Line: 7, Name: "A customer fills a basket", CorrelationID: "scenario-1",
		Interactions: []report.Interaction{
			// out of order on purpose: the diagram is in time order
			{Kind: report.KindMessage, At: at(30), From: "stores", To: []string{"baskets", "depot", "search"},
				Name: "StoreCreated", Subject: "mallbots.stores.events.StoreCreated"},
			{Kind: report.KindHTTP, At: at(10), From: "mall", To: []string{"stores"}, Method: "POST",
				Path: "/api/stores", Status: 201, DurationMs: 20, Step: `a store "Corner Shop" on "Level 1" joins the mall`},
			{Kind: report.KindHTTP, At: at(12), From: "mall", To: []string{"stores"}, Method: "POST",
				Path: "/api/stores/0199f3a2-7c1e-7d2a-9b1e-3f2a1c0d9e8f/enable-participation", Status: 200},
			{Kind: report.KindHTTP, At: at(60), From: "customer", To: []string{"baskets"}, Method: "POST",
				Path: "/api/baskets", Status: 201, DurationMs: 11},
			{Kind: report.KindMessage, At: at(70), From: "baskets", Name: "BasketStarted",
				Subject: "mallbots.baskets.events.BasketStarted"},
			{Kind: report.KindHTTP, At: at(80), From: "customer", To: []string{"baskets"}, Method: "GET",
				Path: "/api/baskets/0199f3a2-7c1e-7d2a-9b1e-3f2a1c0d9e8f", Status: 404},
			// a step polling a read: one arrow for calls in a row
			{Kind: report.KindHTTP, At: at(90), From: "customer", To: []string{"baskets"}, Method: "GET",
				Path: "/api/baskets/0199f3a2-7c1e-7d2a-9b1e-3f2a1c0d9e8f", Status: 404},
		},
	}, {
		// a scenario the cucumber JSON does not have is ignored
		URI: "features/other.feature", Line: 3, Interactions: []report.Interaction{
			{Kind: report.KindHTTP, At: t0, From: "mall", To: []string{"stores"}, Method: "DELETE", Path: "/nowhere", Status: 500}},
	}}}
}

func render(t *testing.T) string {
	t.Helper()
	var features []report.Feature
	require.NoError(t, json.Unmarshal([]byte(cucumberFixture), &features))
	var b bytes.Buffer
	page := report.Page{Run: "FAILED · 2 scenarios, 1 failed · runtime local", Features: features, Interactions: sidecarFixture()}
	require.NoError(t, page.Render(&b))
	return b.String()
}

// inOrder asserts that each of wants occurs in text after the previous one.
func inOrder(t *testing.T, text string, wants ...string) {
	t.Helper()
	rest := text
	for _, w := range wants {
		i := strings.Index(rest, w)
		if !assert.GreaterOrEqual(t, i, 0, "%q missing or out of order", w) {
			return
		}
		rest = rest[i+len(w):]
	}
}

func TestThePageShowsTheFeaturesAsWritten(t *testing.T) {
	page := render(t)
	inOrder(t, page,
		`<a href="#f1">Filling a basket</a>`, `1 passed`, `1 failed`, // the table of contents
		`<span class="kw">Feature:</span> Filling a basket`,
		"As a customer &lt;of the mall&gt;\nI want to fill a basket\n  one item at a time", // dedented, escaped
		`<article class="scenario passed" id="f1-s1">`, `A customer fills a basket`, `65 ms`, `@smoke`,
		`<li class="step passed"><span class="icon" title="passed">✓</span> <span class="kw">Given</span> a store &#34;Corner Shop&#34; on &#34;Level 1&#34; joins the mall<span class="duration">51 ms</span>`,
		`&#34;Ada&#34; starts a basket`,
		`<td>message</td></tr><tr><td>BasketStarted</td>`,
		`<article class="scenario failed" id="f1-s2">`, `A basket with &lt;script&gt;alert(1)&lt;/script&gt;`,
		`<li class="step failed"><span class="icon" title="failed">✗</span>`, `1.50 s`,
		`<div class="error"><p>expected a BasketStarted message within 0.5s</p>`, `message timeline:`,
		`<li class="step skipped"><span class="icon" title="skipped">–</span> <span class="kw">Then</span> the basket of &#34;Ada&#34; is empty`,
		`No HTTP call or message was recorded for this scenario.`,
	)
	assert.NotContains(t, page, "<script>")
	assert.NotContains(t, page, "DELETE /nowhere", "a scenario not in the cucumber JSON is not shown")
}

var arrowLabel = regexp.MustCompile(`<text class="label"[^>]*>([^<]*)</text>`)

func TestEachScenarioHasASequenceDiagramInTimeOrder(t *testing.T) {
	page := render(t)
	require.Equal(t, 1, strings.Count(page, `<svg class="sequence"`))
	svg := page[strings.Index(page, `<svg class="sequence"`):]
	svg = svg[:strings.Index(svg, "</svg>")]
	var labels []string
	for _, m := range arrowLabel.FindAllStringSubmatch(svg, -1) {
		labels = append(labels, m[1])
	}
	assert.Equal(t, []string{
		"POST /api/stores → 201",
		"POST /api/stores/{id}/enable-participat… → 200", // a long path is cut, never the status
		"StoreCreated", "StoreCreated", "StoreCreated", // one arrow to each subscriber
		"POST /api/baskets → 201",
		"BasketStarted", // nobody subscribed: a lost message
		"GET /api/baskets/{id} → 404 ×2",
	}, labels)
	inOrder(t, svg, // lifelines: the actors, then the contexts as they appear
		`<text x="165" y="24">mall</text>`, `<text x="355" y="24">customer</text>`,
		`>stores</text>`, `>baskets</text>`, `>depot</text>`, `>search</text>`)
	inOrder(t, svg,
		`<g class="arrow http"><title>POST /api/stores → 201, served by stores in 20ms`+"\n"+`step: a store &#34;Corner Shop&#34;`,
		`<line x1="165" y1="66" x2="545" y2="66" marker-end="url(#m-http)"/>`, // mall → stores
		`<g class="arrow event"><title>mallbots.stores.events.StoreCreated (stores → baskets)</title>`,
		`<line x1="545" y1="126" x2="735" y2="126" marker-end="url(#m-event)"/>`, // stores → baskets
		`(stores → depot)`, `(stores → search)`,
		`<g class="arrow event"><title>mallbots.baskets.events.BasketStarted (baskets, no subscriber)</title>`,
		`<circle cx=`,
		`<g class="arrow http-error">`, "called 2 times in a row, the last 0.010 s after the first", "&#43;0.070 s",
	)
}

var externalRef = regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//|@import|url\(\s*["']?(https?:)?//`)

func TestThePageNeedsNothingElse(t *testing.T) {
	page := render(t)
	assert.Empty(t, externalRef.FindAllString(page, -1), "external resources")
	assert.NotContains(t, page, "<script")
	assert.NotContains(t, page, "<link")
	assert.Contains(t, page, "<style>")
}

// TestThePageMatchesItsGoldenFile keeps the page's markup reviewable:
// run `go test ./harness/report -run Golden -update` after changing it, and
// open testdata/living-doc.golden.html in a browser.
func TestThePageMatchesItsGoldenFile(t *testing.T) {
	page := render(t)
	path := filepath.Join("testdata", "living-doc.golden.html")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(page), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), page)
}

func TestTheSidecarRoundTripsInScenarioOrder(t *testing.T) {
	var log report.Log
	in := sidecarFixture()
	log.Add(in.Scenarios[1])
	log.Add(in.Scenarios[0])
	path := filepath.Join(t.TempDir(), "interactions.json")
	require.NoError(t, report.WriteInteractions(path, log.Interactions()))
	got, err := report.ReadInteractions(path)
	require.NoError(t, err)
	require.Len(t, got.Scenarios, 2)
	assert.Equal(t, "features/baskets/filling.feature", got.Scenarios[0].URI)
	assert.Equal(t, in.Scenarios[0].Interactions[1], got.Scenarios[0].Interactions[1])
}

func TestLoadJoinsTheTwoFiles(t *testing.T) {
	dir := t.TempDir()
	cucumber := filepath.Join(dir, "cucumber.json")
	require.NoError(t, os.WriteFile(cucumber, []byte(cucumberFixture), 0o644))
	sidecar := filepath.Join(dir, "interactions.json")
	require.NoError(t, report.WriteInteractions(sidecar, sidecarFixture()))
	page, err := report.Load(cucumber, sidecar)
	require.NoError(t, err)
	out := filepath.Join(dir, "living-doc.html")
	require.NoError(t, page.WriteFile(out))
	html, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(html), "POST /api/baskets → 201")

	_, err = report.Load(filepath.Join(dir, "missing.json"), sidecar)
	assert.ErrorContains(t, err, "read cucumber report")
}
