package report_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/report"
)

var livingDoc = flag.String("living-doc", "testdata/run",
	"reports folder whose living doc the browser test checks: its living-doc.html as written "+
		"(rendered from its cucumber.json and interactions.json when it has none)")

// TestTheLivingDocInABrowser opens the living documentation of a run in
// headless Chromium: the page renders every scenario of the run, each
// scenario with recorded traffic shows its sequence diagram, and nothing
// reaches the console (script errors, console.error, failed or external
// loads). `-living-doc DIR` checks another run, such as ../../reports. Pages
// broken on purpose prove that the checks catch what they look for.
func TestTheLivingDocInABrowser(t *testing.T) {
	tab := newBrowser(t)
	t.Run("the run", func(t *testing.T) {
		page := loadRun(t, *livingDoc)
		path := filepath.Join(*livingDoc, "living-doc.html")
		if _, err := os.Stat(path); err != nil {
			path = writePage(t, renderPage(t, page))
		}
		want := scenariosOf(page)
		require.NotEmpty(t, want, "the run has no scenario")
		noProblems(t, browserProblems(t, tab, path, want))
	})
	t.Run("a run with a failed scenario and one without traffic", func(t *testing.T) {
		page := fixturePage(t)
		noProblems(t, browserProblems(t, tab, writePage(t, renderPage(t, page)), scenariosOf(page)))
	})
	t.Run("the checks catch a broken page", func(t *testing.T) {
		page := fixturePage(t)
		good := renderPage(t, page)
		want := scenariosOf(page)
		for _, c := range brokenPages(len(want)) {
			t.Run(c.name, func(t *testing.T) {
				broken := c.spoil(good)
				require.NotEqual(t, good, broken, "the page was not broken")
				problems := browserProblems(t, tab, writePage(t, broken), want)
				assert.True(t, slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, c.want) }),
					"no problem mentions %q; problems: %q", c.want, problems)
			})
		}
	})
}

func noProblems(t *testing.T, problems []string) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("the living doc in a browser:\n  %s", strings.Join(problems, "\n  "))
	}
}

type brokenPage struct {
	name  string
	spoil func(string) string
	want  string // in one of the problems found
}

// brokenPages spoils a page of n scenarios in the ways the checks must catch.
func brokenPages(n int) []brokenPage {
	firstDiagram := regexp.MustCompile(`(?s)<svg class="sequence".*?</svg>`)
	lastScenario := regexp.MustCompile(`(?s)^(.*)<article class="scenario.*?</article>`)
	inHead := func(snippet string) func(string) string {
		return func(s string) string { return strings.Replace(s, "</head>", snippet+"</head>", 1) }
	}
	inBody := func(snippet string) func(string) string {
		return func(s string) string { return strings.Replace(s, "</body>", snippet+"</body>", 1) }
	}
	return []brokenPage{
		{"a script error", inBody(`<script>document.querySelector("#none").click()</script>`), "exception: "},
		{"a console error", inBody(`<script>console.error("no data for the diagram")</script>`), "error: no data for the diagram"},
		{"a missing image", inBody(`<img src="missing.png" alt="">`), "Failed to load resource"},
		{"a stylesheet from a CDN", inHead(`<link rel="stylesheet" href="https://cdn.example.com/report.css">`), "Failed to load resource"},
		{"a diagram removed", func(s string) string {
			i := firstDiagram.FindStringIndex(s)
			return s[:i[0]] + s[i[1]:]
		}, "no visible sequence diagram"},
		{"a diagram collapsed", func(s string) string {
			return strings.Replace(s, `<details class="diagram" open>`, `<details class="diagram">`, 1)
		}, "no visible sequence diagram"},
		{"the diagrams hidden", inHead("<style>svg.sequence { display: none }</style>"), "no visible sequence diagram"},
		{"a scenario dropped", func(s string) string { return lastScenario.ReplaceAllString(s, "$1") },
			fmt.Sprintf("shows %d scenarios, the run has %d", n-1, n)},
	}
}

// wantScenario is a scenario of the run, in page order: its name, and
// whether the run recorded traffic for it (then the page draws a diagram).
type wantScenario struct {
	Name    string
	Diagram bool
}

func scenariosOf(p report.Page) []wantScenario {
	traffic := map[string]bool{}
	for _, s := range p.Interactions.Scenarios {
		traffic[report.Key(s.URI, s.Line)] = len(s.Interactions) > 0
	}
	var out []wantScenario
	for _, f := range p.Features {
		for _, e := range f.Elements {
			out = append(out, wantScenario{Name: e.Name, Diagram: traffic[report.Key(f.URI, e.Line)]})
		}
	}
	return out
}

// renderedPage is what inspectPage finds in the DOM.
type renderedPage struct {
	Title     string             `json:"title"`
	Scenarios []renderedScenario `json:"scenarios"`
}

type renderedScenario struct {
	ID      string `json:"id"`
	Diagram bool   `json:"diagram"` // a sequence diagram with arrows, laid out and visible
}

// inspectPage reports, for each scenario on the page, whether its sequence
// diagram is visible: an svg.sequence with a box, not hidden (display,
// visibility, opacity, a closed <details>), whose drawing has arrows and a size.
const inspectPage = `(() => ({
  title: document.querySelector("h1")?.textContent ?? "",
  scenarios: [...document.querySelectorAll("article.scenario")].map(a => {
    const svg = a.querySelector("svg.sequence");
    let diagram = false;
    if (svg) {
      const box = svg.getBoundingClientRect(), drawn = svg.getBBox();
      diagram = box.width > 0 && box.height > 0 && drawn.width > 0 && drawn.height > 0 &&
        svg.querySelectorAll("g.arrow").length > 0 &&
        svg.checkVisibility({opacityProperty: true, visibilityProperty: true});
    }
    return {id: a.id, diagram};
  }),
}))()`

// doneMarker is logged after the checks: every console message of the page
// comes before it.
const doneMarker = "mallbots: browser check done"

// browserProblems opens the page at path in tab and returns
// what is wrong with it for a run of the scenarios want: console errors,
// exceptions and failed loads, a missing title, a scenario count that differs,
// a scenario with traffic but no visible diagram.
func browserProblems(t *testing.T, tab context.Context, path string, want []wantScenario) []string {
	t.Helper()
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	messages := chromedp.Console(tab) // subscribed before the page loads
	require.NoError(t, chromedp.Do(tab, chromedp.Navigate((&url.URL{Scheme: "file", Path: abs}).String())))
	got, err := chromedp.Run(tab, chromedp.Evaluate[renderedPage](inspectPage))
	require.NoError(t, err, "inspect the page")
	_, err = chromedp.Run(tab, chromedp.Evaluate[bool](fmt.Sprintf("console.debug(%q), true", doneMarker)))
	require.NoError(t, err)

	var problems []string
	for m, err := range messages {
		require.NoError(t, err, "read the console")
		if m.Text == doneMarker {
			break
		}
		if m.Type == chromedp.ConsoleError || m.IsException() {
			problems = append(problems, fmt.Sprintf("%s (%s)", m, m.URL))
		}
	}
	if strings.TrimSpace(got.Title) == "" {
		problems = append(problems, "the page has no title")
	}
	if len(got.Scenarios) != len(want) {
		problems = append(problems, fmt.Sprintf("the page shows %d scenarios, the run has %d", len(got.Scenarios), len(want)))
	}
	for i, s := range got.Scenarios {
		if i < len(want) && want[i].Diagram && !s.Diagram {
			problems = append(problems, fmt.Sprintf("scenario %q (#%s): no visible sequence diagram", want[i].Name, s.ID))
		}
	}
	return problems
}

func loadRun(t *testing.T, dir string) report.Page {
	t.Helper()
	page, err := report.Load(filepath.Join(dir, "cucumber.json"), filepath.Join(dir, "interactions.json"))
	require.NoError(t, err)
	return page
}

// fixturePage is the page of render_test.go's run: two scenarios, one failed
// and without traffic.
func fixturePage(t *testing.T) report.Page {
	t.Helper()
	var features []report.Feature
	require.NoError(t, json.Unmarshal([]byte(cucumberFixture), &features))
	return report.Page{Features: features, Interactions: sidecarFixture()}
}

func renderPage(t *testing.T, p report.Page) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, p.Render(&b))
	return b.String()
}

func writePage(t *testing.T, html string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "living-doc.html")
	require.NoError(t, os.WriteFile(path, []byte(html), 0o644))
	return path
}
