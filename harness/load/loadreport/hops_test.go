package loadreport_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/load"
)

const hopsTitle = "slowest hops (message -> next message of the same order)"

func TestTheTableListsTheEightSlowestHopsAfterTheLatency(t *testing.T) {
	out := table(t, fixture())
	assertInOrder(t, out, "\nsms ", "\n"+hopsTitle+"\nfrom ", "\nShoppingListAvailable  ShoppingListCompleted  ", "\n(2 more in load.html)\n\noutcomes: ")
	hops := tableSection(t, out)
	assert.Len(t, hops, 1+8+1, "the head, eight hops and the note:\n%s", strings.Join(hops, "\n"))
	assert.Regexp(t, `^OrderApproved +ShoppingListAvailable +2950 +1\.7 +3\.4 +8\.5$`, hops[8])
	assert.NotContains(t, out, "PaymentConfirmed  OrderCompleted")
}

func TestTheTableSaysNoMoreWhenItListsEveryHop(t *testing.T) {
	r := fixture()
	r.Hops = r.Hops[:8]
	out := table(t, r)
	assert.Len(t, tableSection(t, out), 1+8)
	assert.NotContains(t, out, "more in load.html")
}

func TestWithoutHopsNeitherTheTableNorThePageHasTheSection(t *testing.T) {
	r := fixture()
	r.Hops = nil
	assert.NotContains(t, table(t, r), "slowest hops")
	assert.NotContains(t, page(t, r), "Where the time goes")
}

func TestThePageListsEveryHopWithABarToScale(t *testing.T) {
	p := pageHops(t, fixture())
	assert.Equal(t, 10, strings.Count(p, "<svg "))
	assertInOrder(t, p, "<td>ShoppingListAvailable</td><td>ShoppingListCompleted</td>", "<td>PaymentConfirmed</td><td>OrderCompleted</td>")
	assert.Equal(t, []string{"200.0", "13.9", "6.9", "5.3", "3.4", "3.2", "2.7", "1.9", "1.3", "0.3"}, barWidths(p),
		"p50 / 180 ms × 200 px")
}

func TestThePageEscapesHopNamesAndCopesWithZeroP50(t *testing.T) {
	r := fixture()
	r.Hops = []load.Hop{{From: "<b>Order</b>Created", To: "x", Count: 5}, {From: "y", To: "z", Count: 5}}
	p := pageHops(t, r)
	assert.Contains(t, p, "<td>&lt;b&gt;Order&lt;/b&gt;Created</td>")
	assert.NotContains(t, p, "<b>")
	assert.Equal(t, []string{"0.0", "0.0"}, barWidths(p))
}

// tableSection is the lines of the hops section of the table, its title and
// the blank line after it left out.
func tableSection(t *testing.T, out string) []string {
	t.Helper()
	_, rest, found := strings.Cut(out, hopsTitle+"\n")
	require.True(t, found, "no hops section in\n%s", out)
	section, _, _ := strings.Cut(rest, "\n\n")
	return strings.Split(section, "\n")
}

// pageHops is the hops section of the page, up to the end of its table.
func pageHops(t *testing.T, r load.Result) string {
	t.Helper()
	_, rest, found := strings.Cut(page(t, r), `<h2 id="hops">Where the time goes</h2>`)
	require.True(t, found, "no hops section in the page")
	section, _, _ := strings.Cut(rest, "</table>")
	return section
}

var barWidth = regexp.MustCompile(`<rect class="bar" width="([^"]*)"`)

func barWidths(p string) []string {
	var out []string
	for _, m := range barWidth.FindAllStringSubmatch(p, -1) {
		out = append(out, m[1])
	}
	return out
}
