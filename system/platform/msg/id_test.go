package msg_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestCanonicalID: only the lower-case hyphenated form NewID issues is an id.
func TestCanonicalID(t *testing.T) {
	id := msg.NewID()
	assert.True(t, msg.CanonicalID(id))
	for _, bad := range []string{"", strings.ToUpper(id), "{" + id + "}", strings.ReplaceAll(id, "-", ""),
		"urn:uuid:" + id, id + "\x00", "not-an-id"} {
		assert.False(t, msg.CanonicalID(bad), "%q", bad)
	}
}
