package steps_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/steps"
)

// TestEveryExampleMatchesExactlyItsOwnStep keeps the catalogue honest: each
// example is a step text its pattern accepts, and no other pattern does
// (godog would reject the step as ambiguous).
func TestEveryExampleMatchesExactlyItsOwnStep(t *testing.T) {
	catalogue := steps.Catalogue()
	patterns := make([]*regexp.Regexp, len(catalogue))
	for i, s := range catalogue {
		patterns[i] = regexp.MustCompile(s.Pattern)
	}
	for i, s := range catalogue {
		text := strings.SplitN(s.Example, "\n", 2)[0]
		var matches []string
		for j, p := range patterns {
			if p.MatchString(text) {
				matches = append(matches, catalogue[j].Pattern)
			}
		}
		assert.Equal(t, []string{catalogue[i].Pattern}, matches, "example %q", text)
		assert.NotEmpty(t, s.Group, s.Pattern)
	}
}
