package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite docs/steps.md")

// TestTheStepCatalogueDocumentIsCurrent keeps docs/steps.md equal to what
// `e2e steps` prints; run `go test ./cmd/e2e -run Catalogue -update` (or
// `make steps`) after changing a step.
func TestTheStepCatalogueDocumentIsCurrent(t *testing.T) {
	var out bytes.Buffer
	printSteps(&out)
	const path = "../../docs/steps.md"
	if *update {
		require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "docs/steps.md is missing: run make steps")
	assert.Equal(t, string(want), out.String(), "docs/steps.md is stale: run make steps")
}
