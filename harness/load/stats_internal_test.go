package load

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPercentileIsNearestRank(t *testing.T) {
	v := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	cases := []struct {
		p    float64
		want float64
	}{{50, 5}, {90, 9}, {99, 10}, {100, 10}, {1, 1}}
	for _, c := range cases {
		assert.Equal(t, c.want, percentile(v, c.p), "p%v", c.p)
	}
	assert.Equal(t, 7.0, percentile([]float64{7}, 99))
}

func TestThroughputIsOrdersOverTimeToTheLastOne(t *testing.T) {
	orders := []Order{
		{At: 0, Stages: map[string]float64{StageApproved: 500}},
		{At: 1, Stages: map[string]float64{StageApproved: 1000}}, // reached at 2 s
		{At: 1.5, Stages: map[string]float64{}},
	}
	assert.Equal(t, map[string]float64{StageApproved: 1}, throughput(orders))
}

func TestATerminalStateEndsTheJourneyOnce(t *testing.T) {
	tr := newTracker(StageApproved)
	j := tr.add("corr-1")
	tr.settle("corr-1", "o-1", "pending", "")
	assert.Equal(t, 1, tr.pending())
	tr.settle("corr-1", "o-1", "approved", "")
	tr.settle("corr-1", "o-1", "rejected", "late") // after the end: ignored
	assert.Equal(t, 0, tr.pending())
	assert.Equal(t, "approved", j.outcome)
	select {
	case <-j.done:
	default:
		t.Fatal("journey not ended")
	}
}

func TestTheFirstTimeAStageIsReachedCounts(t *testing.T) {
	tr := newTracker(StageCompleted)
	j := tr.add("c")
	t0 := time.Now()
	tr.stamp("c", StageVisible, t0)
	tr.stamp("c", StageVisible, t0.Add(time.Second)) // a redelivered event
	assert.Equal(t, t0, j.stages[StageVisible])
	assert.Nil(t, tr.stamp("unknown", StageVisible, t0))
}

func TestApprovedEndsOnlyARunThatStopsThere(t *testing.T) {
	assert.True(t, isTerminal("approved", StageApproved))
	assert.False(t, isTerminal("approved", StageCompleted))
	for _, s := range []string{"rejected", "cancelled", "completed", "failed"} {
		assert.True(t, isTerminal(s, StageCompleted), s)
	}
	assert.False(t, isTerminal("pending", StageApproved))
}

func TestConfigNamesEveryProblem(t *testing.T) {
	err := Config{Rate: 5, Concurrency: 2, Until: "shipped", Items: 1, Stores: 1}.Validate()
	assert.ErrorContains(t, err, "not both")
	assert.ErrorContains(t, err, "duration must be positive")
	assert.ErrorContains(t, err, `until "shipped"`)
	assert.NoError(t, Config{Rate: 5, Duration: time.Second, Until: StageApproved, Items: 1, Stores: 1}.Validate())
}
