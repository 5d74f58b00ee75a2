package containers

import (
	"context"
	"fmt"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/moby/moby/client"
	"github.com/stretchr/testify/require"
)

// TestPruneKeepsTheCurrentAndTheNewestImages builds four tiny images of a
// repository of its own and prunes them to two: the current one (not the
// newest) survives, and so does one other.
func TestPruneKeepsTheCurrentAndTheNewestImages(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	eng := ConnectTB(t, "image pruning")
	repo := "mallbots/prune-test-" + uuid.NewString()[:8]
	b := &builder{eng: eng, progress: io.Discard}
	var tags []string
	for i := range 4 {
		tag := fmt.Sprintf("%s:v%d", repo, i)
		dockerfile := fmt.Sprintf("FROM scratch\nLABEL n=%d repo=%s\n", i, repo)
		require.NoError(t, b.buildImage(ctx, tag, []file{{name: "Dockerfile", mode: 0o644, data: []byte(dockerfile)}}, nil))
		tags = append(tags, tag)
	}
	t.Cleanup(func() {
		for _, tag := range tags {
			_, _ = eng.cli.ImageRemove(context.WithoutCancel(ctx), tag, client.ImageRemoveOptions{})
		}
	})
	removed, err := eng.pruneImages(ctx, repo, tags[1], 2)
	require.NoError(t, err)
	require.Len(t, removed, 2)
	require.NotContains(t, removed, tags[1])
	var left []string
	for _, tag := range tags {
		if eng.imagePresent(ctx, tag) {
			left = append(left, tag)
		}
	}
	require.Len(t, left, 2, "left: %v", left)
	require.True(t, slices.Contains(left, tags[1]), "the current image was removed: left %v", left)
}
