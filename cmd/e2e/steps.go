package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/mallbots/mallbots/steps"
)

// printSteps prints the step catalogue grouped by concern.
func printSteps(w io.Writer) int {
	group := ""
	for _, s := range steps.Catalogue() {
		if s.Group != group {
			group = s.Group
			fmt.Fprintf(w, "\n## %s\n", group)
		}
		fmt.Fprintf(w, "\n  %s\n    e.g. %s\n", s.Pattern, strings.ReplaceAll(s.Example, "\n", "\n         "))
	}
	return 0
}
