package inbox_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/bus"
	"github.com/mallbots/mallbots/system/platform/inbox"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// TestCheckVersioned: an event without the id, the version or the
// aggregate a versioned cache needs is dead-lettered, saying which.
func TestCheckVersioned(t *testing.T) {
	ok := msg.Envelope{ID: "m1", Name: "StoreCreated", AggregateID: "s1", AggregateVersion: 1}
	tests := []struct {
		name string
		env  msg.Envelope
		id   string
		want string
	}{
		{"no id in the payload", ok, "", "StoreCreated m1: payload has no id"},
		{"no version", msg.Envelope{ID: "m1", Name: "StoreCreated", AggregateID: "s1"}, "s1",
			"StoreCreated m1: envelope has no aggregate version"},
		{"another aggregate", ok, "s2", "StoreCreated m1: aggregate id differs from the payload's id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := inbox.CheckVersioned(tt.env, tt.id)
			require.ErrorContains(t, err, tt.want)
			assert.ErrorIs(t, err, bus.ErrPermanent, "no retry can fix it: dead-lettered")
		})
	}
	require.NoError(t, inbox.CheckVersioned(ok, "s1"))
	require.NoError(t, inbox.CheckAggregate(msg.Envelope{ID: "m1", Name: "OrderReadied"}, "o1"),
		"an envelope without an aggregate is not checked")
	assert.True(t, errors.Is(inbox.CheckAggregate(ok, "s2"), inbox.ErrAggregateMismatch))
}
