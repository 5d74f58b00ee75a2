package loadreport_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/load/loadreport"
)

func page(t *testing.T, r load.Result) string {
	t.Helper()
	return rendered(t, loadreport.RenderHTML, r)
}

func TestThePageMatchesItsGoldenFile(t *testing.T) {
	golden(t, "report.golden.html", page(t, fixture()))
}

var (
	anyURL      = regexp.MustCompile(`(?i)https?:[^\s"'<>)]*`)
	externalRef = regexp.MustCompile(`(?i)\b(src|href)\s*=|@import|url\(|<link|<iframe|<object`)
)

func TestThePageNeedsNothingElse(t *testing.T) {
	p := page(t, fixture())
	assert.NotContains(t, strings.ToLower(p), "<script")
	assert.Empty(t, externalRef.FindAllString(p, -1))
	for _, u := range anyURL.FindAllString(p, -1) {
		assert.Equal(t, "http://www.w3.org/2000/svg", u)
	}
	assert.Contains(t, p, "<style>")
}

func TestThePageEscapesWhatTheRunReported(t *testing.T) {
	p := page(t, fixture())
	assert.Contains(t, p, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.Contains(t, p, "/proc/&lt;pid&gt;/statm")

	r := fixture()
	evil := "nats</title><script>alert(2)</script>"
	r.Resources = append(r.Resources, load.Resource{Name: evil, PeakMemory: 1 << 20})
	r.Samples[0].Memory[evil] = 1 << 20
	p = page(t, r)
	assert.NotContains(t, p, "<script")
	assert.Equal(t, 3, strings.Count(p, "nats&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
		"in the table, the memory line's title and the memory legend")
}

func TestThePageHasAHistogramPerStageReached(t *testing.T) {
	p := page(t, fixture())
	for _, stage := range load.Stages {
		hist := section(t, p, `<figure id="hist-`+stage+`">`)
		assert.Contains(t, hist, `<rect class="bar`, stage)
		assert.Contains(t, hist, "ms and more", stage)
	}
}

func TestThePagePlotsEveryOrderThatReachedAStage(t *testing.T) {
	p := section(t, page(t, fixture()), `<figure id="latency-over-time">`)
	assert.Equal(t, 7, dots(t, p, "#0072B2"), "approved")
	assert.Equal(t, 6, dots(t, p, "#D55E00"), "completed")
	assert.Contains(t, p, "approved p99 120.2 ms")
	assert.Contains(t, p, "completed p50 250 ms")
}

func TestThePageDrawsEveryComponentOverTime(t *testing.T) {
	p := page(t, fixture())
	for _, id := range []string{"memory", "cpu"} {
		fig := section(t, p, `<figure id="`+id+`">`)
		assert.Contains(t, fig, "<li>", id)
		assert.Contains(t, fig, " baskets</li>", id)
		assert.Contains(t, fig, " ordering</li>", id)
		assert.Equal(t, 2+boolInt(id == "memory"), strings.Count(fig, `<path class="line"`), id)
	}
}

func TestWriteHTMLWritesTheRenderedPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "load.html")
	require.NoError(t, loadreport.WriteHTML(path, fixture()))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, page(t, fixture()), string(got))
	assert.Error(t, loadreport.WriteHTML(filepath.Join(path, "not-a-dir", "x.html"), fixture()))
}

// section is the <figure> that starts with start, up to its </figure>.
func section(t *testing.T, p, start string) string {
	t.Helper()
	_, rest, found := strings.Cut(p, start)
	require.True(t, found, "no %s in the page", start)
	fig, _, _ := strings.Cut(rest, "</figure>")
	return fig
}

// dots counts the points of the dotted path drawn in color.
func dots(t *testing.T, fig, color string) int {
	t.Helper()
	m := regexp.MustCompile(`<path class="dots" stroke="` + color + `" d="([^"]*)"`).FindStringSubmatch(fig)
	if m == nil {
		return 0
	}
	return strings.Count(m[1], "h0")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
