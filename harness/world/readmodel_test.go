package world

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mallbots/mallbots/harness/tap"
	"github.com/mallbots/mallbots/system/platform/position"
)

// TestTargetsAreEachConsumersLastMessage: a read model has applied the
// scenario's messages when each consumer has reached the last of them that
// it receives, and only those up to a record when one is named.
func TestTargetsAreEachConsumersLastMessage(t *testing.T) {
	m := readModel{"search-ordering": {"o.created", "o.approved"}, "search-stores": {"s.rebranded"}}
	records := []tap.Record{
		{Subject: "o.created", StreamSeq: 10}, {Subject: "s.rebranded", StreamSeq: 11},
		{Subject: "elsewhere", StreamSeq: 12}, {Subject: "o.approved", StreamSeq: 13},
	}
	assert.Equal(t, map[string]uint64{"search-ordering": 13, "search-stores": 11}, m.targets(records, 0))
	assert.Equal(t, map[string]uint64{"search-ordering": 10, "search-stores": 11}, m.targets(records, 12))
	assert.True(t, m.receives(records[1]))
	assert.False(t, m.receives(records[2]))
}

// TestTheSearchReadModelIsEverySearchConsumer: the consumers come from the
// system's one list of subscriptions.
func TestTheSearchReadModelIsEverySearchConsumer(t *testing.T) {
	m, err := readModelOf("search")
	assert.NoError(t, err)
	assert.Len(t, m, 3)
	assert.Contains(t, m, "search-ordering")
	_, err = readModelOf("stores")
	assert.Error(t, err, "stores consumes nothing")
}

// TestNotAppliedSaysWhoIsBehind names the consumers behind and how far.
func TestNotAppliedSaysWhoIsBehind(t *testing.T) {
	err := &NotAppliedError{Context: "search", Want: map[string]uint64{"search-ordering": 13, "search-stores": 11},
		Got: position.Positions{Positions: []position.Position{{Consumer: "search-ordering", StreamSequence: 12},
			{Consumer: "search-stores", StreamSequence: 11}}}, Err: errors.New("boom")}
	assert.Equal(t, "search had not applied the scenario's messages in time: search-ordering at #12 of #13"+
		" (reading its positions: boom)", err.Error())
}
