package local

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAProcessRestartsWhileItIsRead: a chaos run kills and restarts a
// service while the load driver's meter reads its pid; under -race this
// failed while a restart overwrote the fields the reader used.
func TestAProcessRestartsWhileItIsRead(t *testing.T) {
	p := &process{name: "sleeper", bin: "/bin/sleep", args: []string{"30"}, log: newLineLog(10, nil)}
	require.NoError(t, p.start())
	t.Cleanup(p.kill)
	stop := make(chan struct{})
	var reads sync.WaitGroup
	reads.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				_ = p.running() && p.pid() > 0
			}
		}
	})
	for range 3 {
		before := p.pid()
		p.kill()
		assert.False(t, p.running())
		require.NoError(t, p.start())
		assert.True(t, p.running())
		assert.NotEqual(t, before, p.pid(), "a new process")
	}
	close(stop)
	reads.Wait()
}
