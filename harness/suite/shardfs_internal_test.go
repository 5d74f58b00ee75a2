package suite

import (
	"strings"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v42"
	messages "github.com/cucumber/messages/go/v34"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const outlined = "Feature: f\r\n" + // 1
	"\r\n" +
	"  Scenario: one\r\n" + // 3
	"    Given a\r\n" +
	"      \"\"\"\r\n" +
	"      # body, not a comment\r\n" +
	"      \"\"\"\r\n" +
	"  # a comment\r\n" + // 8
	"  @tag\r\n" + // 9
	"  Scenario Outline: two\r\n" +
	"    Given <x>\r\n" +
	"    Examples:\r\n" +
	"      | x |\r\n" +
	"      | 1 |\r\n" + // 14
	"      | 2 |\r\n" + // 15
	"\r\n" +
	"  Scenario: three\r\n" + // 17
	"    Given c\r\n"

// TestBlankOthersKeepsEveryLineWhereItWas: the scenario of another shard
// and the example row of another shard become empty lines (the comment
// stays, the doc string's "#" line goes with its scenario), the scenario
// the run does not select stays for godog to filter, and godog then finds
// exactly this shard's scenarios, each on its line.
func TestBlankOthersKeepsEveryLineWhereItWas(t *testing.T) {
	doc := parse(t, outlined)
	selected := map[int]bool{3: true, 14: true, 15: true}
	kept := map[int]bool{15: true}
	got := string(blankOthers([]byte(outlined), doc, selected, kept))
	lines := strings.Split(got, "\r\n")
	require.Len(t, lines, strings.Count(outlined, "\r\n")+1, "as many lines, the same line breaks")
	for n := 3; n <= 7; n++ {
		assert.Empty(t, lines[n-1], "line %d, of scenario one", n)
	}
	assert.Equal(t, "  # a comment", lines[7])
	assert.Equal(t, "  @tag", lines[8])
	assert.Empty(t, lines[13], "row 1, another shard's")
	assert.Equal(t, "      | 2 |", lines[14])
	assert.Equal(t, "  Scenario: three", lines[16], "not selected: left to the tags")

	var pickles []string
	for _, p := range gherkin.Pickles(*parse(t, got), "f.feature", (&messages.Incrementing{}).NewId) {
		pickles = append(pickles, p.Name+" "+p.Steps[0].Text)
	}
	assert.Equal(t, []string{"two 2", "three c"}, pickles)
}

func parse(t *testing.T, content string) *messages.GherkinDocument {
	t.Helper()
	doc, err := gherkin.ParseGherkinDocument(strings.NewReader(content), (&messages.Incrementing{}).NewId)
	require.NoError(t, err)
	return doc
}
