package steps_test

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cucumber/godog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/steps"
)

var (
	// definitionLine is one line of godog's list of step definitions:
	// "<pattern> # <file>:<line> -> <function>".
	definitionLine = regexp.MustCompile(`^(.*?)\s+# (\S+):(\d+) -> (\S+)$`)
	// ansi is a terminal colour code (godog colours that list regardless).
	ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")
	// literalStart is the words a pattern starts with, before any operator.
	literalStart = regexp.MustCompile(`^\^([^()\[\]\\.*+?|$]*)`)
)

// TestEachStepIsLocatedWhereItsPatternIsMapped asks godog for the step
// definitions it knows, with the locations its pretty and cucumber formats
// print, and checks that each names the line of steps/ that maps the
// pattern to its method: not registry.go, not reflect.makeFuncStub.
func TestEachStepIsLocatedWhereItsPatternIsMapped(t *testing.T) {
	var out bytes.Buffer
	godog.TestSuite{
		ScenarioInitializer: func(sc *godog.ScenarioContext) { steps.Initialize(sc, &world.World{}) },
		Options:             &godog.Options{Format: "pretty", ShowStepDefinitions: true, NoColors: true, Output: &out},
	}.Run()
	lines := strings.Split(strings.TrimSpace(ansi.ReplaceAllString(out.String(), "")), "\n")
	require.Len(t, lines, len(steps.Catalogue()), out.String())
	var wrong []string
	for _, line := range lines {
		m := definitionLine.FindStringSubmatch(line)
		require.NotNil(t, m, "a definition line: %q", line)
		if strings.Contains(line, "makeFuncStub") || !mapsThere(m[1], m[2], m[3]) {
			wrong = append(wrong, line)
		}
	}
	assert.Empty(t, wrong, "definitions not located at the r.add of their pattern")
}

// mapsThere tells whether line n of file, a file of steps/, is the r.add
// call that registers pattern.
func mapsThere(pattern, file, n string) bool {
	src, err := os.ReadFile(file)
	i, errN := strconv.Atoi(n)
	if err != nil || errN != nil || file == "registry.go" {
		return false
	}
	lines := strings.Split(string(src), "\n")
	if i < 1 || i > len(lines) || !strings.Contains(lines[i-1], "r.add(") {
		return false
	}
	call := strings.Join(lines[i-1:min(i+2, len(lines))], "\n")
	return strings.Contains(call, literalStart.FindStringSubmatch(pattern)[1])
}
