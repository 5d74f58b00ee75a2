package contexts_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/contexts/messages"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestMessagesHoldEverySubscribedPayload: every subject a consumer
// subscribes to has its payload type in messages.Registry, so its fuzz
// target decodes whatever a consumer may be handed.
func TestMessagesHoldEverySubscribedPayload(t *testing.T) {
	names := messages.Registry().Names()
	for _, s := range contexts.Subscriptions() {
		for _, subject := range s.Subjects {
			parts := strings.Split(subject, ".")
			name := parts[len(parts)-1]
			if parts[2] == msg.KindReplies {
				name = messages.ReplyName
			}
			assert.Contains(t, names, name, "the payload of %s, which %s receives", subject, s.Consumer)
		}
	}
}
