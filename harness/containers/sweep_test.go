package containers

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/owner"
	"github.com/mallbots/mallbots/harness/owner/ownertest"
)

// TestSweepRemovesTheRunOfAKilledHarness labels a run (a network, and on it
// a container with an anonymous volume, as the runtime's) as owned by a
// harness killed with SIGKILL, after which nothing of it can clean up, and
// checks that the next Sweep removes that run, volume included, and leaves
// the run of a live harness (this test) alone.
func TestSweepRemovesTheRunOfAKilledHarness(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	eng := ConnectTB(t, "the sweep of killed runs")
	image := sweepTestImage(t, ctx, eng)

	killed := ownertest.Killed(t)
	dead, live := "sweep-test-"+newRunID(), "sweep-test-"+newRunID()
	t.Cleanup(func() {
		_ = eng.RemoveRun(context.WithoutCancel(ctx), dead)
		_ = eng.RemoveRun(context.WithoutCancel(ctx), live)
	})
	volume := createRun(t, ctx, eng, image, dead, killed)
	createRun(t, ctx, eng, image, live, owner.Self())

	swept, err := eng.Sweep(ctx)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, swept, 2, "the killed harness's container and network")
	cs, ns, err := eng.RunResources(ctx, dead)
	require.NoError(t, err)
	assert.Empty(t, append(cs, ns...), "the killed harness's run is left")
	_, err = eng.cli.VolumeInspect(ctx, volume, client.VolumeInspectOptions{})
	assert.True(t, isNotFound(err), "volume %s of the killed run is left: %v", volume, err)
	cs, ns, err = eng.RunResources(ctx, live)
	require.NoError(t, err)
	assert.Equal(t, [2]int{1, 1}, [2]int{len(cs), len(ns)}, "the live harness's run is kept")
}

// sweepTestImage builds an image with nothing in it but a volume.
func sweepTestImage(t *testing.T, ctx context.Context, eng *Engine) string {
	t.Helper()
	dockerfile := []file{{name: "Dockerfile", mode: 0o644, data: []byte("FROM scratch\nVOLUME /data\n")}}
	tag := contentTag("mallbots/sweep-test", dockerfile)
	b := &builder{eng: eng, progress: io.Discard}
	require.NoError(t, b.buildImage(ctx, tag, dockerfile, nil))
	t.Cleanup(func() { // after the runs' cleanup (LIFO), which frees it
		_, _ = eng.cli.ImageRemove(context.WithoutCancel(ctx), tag, client.ImageRemoveOptions{PruneChildren: true})
	})
	return tag
}

// createRun creates, labelled as run id of o, a network and on it a
// container (created, never started: the image has no program) and
// returns the name of the container's anonymous volume.
func createRun(t *testing.T, ctx context.Context, eng *Engine, image, id string, o owner.Process) string {
	t.Helper()
	labels := runLabels(id, o, time.Now())
	_, err := eng.cli.NetworkCreate(ctx, "mallbots-"+id, client.NetworkCreateOptions{Labels: labels})
	require.NoError(t, err)
	created, err := eng.cli.ContainerCreate(ctx, client.ContainerCreateOptions{
		Config:     &container.Config{Image: image, Cmd: []string{"/absent"}, Labels: labels},
		HostConfig: &container.HostConfig{NetworkMode: container.NetworkMode("mallbots-" + id)},
	})
	require.NoError(t, err)
	got, err := eng.cli.ContainerInspect(ctx, created.ID, client.ContainerInspectOptions{})
	require.NoError(t, err)
	require.Len(t, got.Container.Mounts, 1, "the image's volume")
	return got.Container.Mounts[0].Name
}
