package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
)

const (
	// attack is user data that would run if the page did not escape it:
	// a product, a store, a customer can be called that.
	attack = `<script>alert(1)</script>`
	// escaped is how the page must show it: as text.
	escaped = `&lt;script&gt;alert(1)&lt;/script&gt;`
)

// hostilePage puts attack in everything of a run a user or a feature writer
// controls: feature and scenario text, tags, step text, doc strings, data
// tables, failure messages, and the recorded interactions (actors,
// contexts, message names and subjects, HTTP methods and paths, steps).
func hostilePage() report.Page {
	t := func(ms int64) *int64 { d := ms * 1e6; return &d }
	return report.Page{Title: "Run " + attack, Run: "FAILED " + attack,
		Features: []report.Feature{{
			URI: "features/" + attack + ".feature", Keyword: "Feature", Name: "Products named " + attack,
			Description: "  As a store " + attack, Tags: []report.Tag{{Name: `@"` + attack}},
			Elements: []report.Element{{
				Keyword: "Scenario", Name: "A product called " + attack, Line: 7, Tags: []report.Tag{{Name: "@" + attack}},
				Steps: []report.Step{
					{Keyword: "Given ", Name: `a product "` + attack + `" in "Corner Shop"`, Result: report.Result{Status: "passed", Duration: t(3)},
						DocString: &report.DocString{Value: `{"name": "` + attack + `"}`}},
					{Keyword: "Then ", Name: "the catalogue lists:", Result: report.Result{Status: "failed", Duration: t(5),
						Error: "expected " + attack + " in the catalogue\nHTTP exchanges:\n  GET /api/products?q=" + attack},
						Rows: []report.Row{{Cells: []string{"name"}}, {Cells: []string{attack}}}},
					{Keyword: "And ", Name: "a step " + attack, Result: report.Result{Status: `"><script>alert(1)</script>`}},
				},
			}},
		}},
		Interactions: report.Interactions{Scenarios: []report.Scenario{{
			URI: "features/" + attack + ".feature", Line: 7, CorrelationID: "scenario-" + attack,
			Interactions: []report.Interaction{
				{Kind: report.KindHTTP, At: t0, From: "mall", To: []string{"stores"}, Method: "POST",
					Path: "/api/" + attack, Status: 201, Step: `a product "` + attack + `"`},
				{Kind: report.KindMessage, At: t0.Add(1e6), From: "stores", To: []string{attack},
					Name: "Renamed" + attack, Subject: "mallbots.stores.events." + attack},
				{Kind: report.KindHTTP, At: t0.Add(2e6), From: attack, To: []string{"stores"}, Method: attack,
					Path: "/x", Status: 500},
			},
		}}},
	}
}

var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// TestUserDataRendersAsText: whatever a user or a feature writer wrote is
// shown as text, in the page and in its inline SVG diagrams, and never
// becomes markup.
func TestUserDataRendersAsText(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, hostilePage().Render(&b))
	page := b.String()

	assert.NotContains(t, strings.ToLower(page), "<script")
	assert.NotContains(t, page, "alert(1)</", "no tag closes after the payload")
	for _, where := range []string{
		"<title>Run " + escaped + "</title>", `<p class="run">FAILED ` + escaped,
		"Products named " + escaped, "As a store " + escaped, `<span class="tag">@&#34;` + escaped + "</span>",
		"A product called " + escaped, `a product &#34;` + escaped + `&#34; in`,
		`<pre class="docstring">{&#34;name&#34;: &#34;` + escaped, "<td>" + escaped + "</td>",
		"<p>expected " + escaped + " in the catalogue</p>", "GET /api/products?q=" + escaped,
		`aria-label="sequence diagram of A product called ` + escaped + `"`, "(correlation id scenario-" + escaped + ")",
	} {
		assert.Contains(t, page, where)
	}

	start := strings.Index(page, `<svg class="sequence"`)
	require.GreaterOrEqual(t, start, 0, "the scenario has a diagram")
	svg := page[start : start+strings.Index(page[start:], "</svg>")]
	var texts []string
	for _, m := range svgText.FindAllStringSubmatch(svg, -1) {
		texts = append(texts, m[1])
	}
	assert.Contains(t, texts, escaped, "a lifeline: a context or an actor")
	assert.Contains(t, texts, "POST /api/"+escaped+" → 201", "an HTTP call's label")
	assert.Contains(t, texts, escaped+" /x → 500", "an HTTP method")
	assert.Contains(t, texts, "Renamed"+escaped, "a message's label")
	assert.Contains(t, svg, "<title>mallbots.stores.events."+escaped+" (stores → "+escaped+")</title>")
	assert.Contains(t, svg, "<title>POST /api/"+escaped+" → 201, served by stores")
	assert.Contains(t, svg, "step: a product &#34;"+escaped+"&#34;</title>")
}
