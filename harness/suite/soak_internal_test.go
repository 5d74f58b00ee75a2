package suite

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTheSoakRunsOnlyWhenAskedFor(t *testing.T) {
	for tags, want := range map[string]string{
		"":                    "~@chaos",
		"@stores":             "@stores && ~@chaos",
		"@stores,@customers":  "@stores && ~@chaos,@customers && ~@chaos",
		"@chaos":              "@chaos",
		"@serial && ~@chaos":  "@serial && ~@chaos",
		"@chaos,@resilience ": "@chaos,@resilience ",
	} {
		assert.Equal(t, want, defaultTags(tags, true), "tags %q", tags)
	}
}

func TestClusterScenariosRunOnlyOnACluster(t *testing.T) {
	assert.Equal(t, "~@chaos && ~@cluster", defaultTags("", false))
	assert.Equal(t, "@chaos && ~@cluster", defaultTags("@chaos", false))
	assert.Equal(t, "~@chaos", defaultTags("", true))
}
