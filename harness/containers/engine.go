package containers

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/moby/moby/client"
	tclog "github.com/testcontainers/testcontainers-go/log"
)

// ryukImage is the reaper testcontainers-go v0.45 starts unless disabled.
const ryukImage = "testcontainers/ryuk:0.14.0"

// ErrNoEngine means no Docker engine answered.
var ErrNoEngine = errors.New("no Docker engine answers (run scripts/docker-engine.sh, or set DOCKER_HOST)")

// Engine is a connection to the Docker engine, for what testcontainers-go
// does not do: images, the sweep of leftovers, removal by label, log tails.
type Engine struct {
	cli *client.Client
}

// Connect opens a client for the engine of DOCKER_HOST (default: the local
// socket) and checks that it answers.
func Connect(ctx context.Context) (*Engine, error) {
	cli, err := client.New(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		return nil, fmt.Errorf("docker client: %w", err)
	}
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := cli.Ping(pctx, client.PingOptions{NegotiateAPIVersion: true}); err != nil {
		cli.Close()
		return nil, fmt.Errorf("%w: %v", ErrNoEngine, err)
	}
	return &Engine{cli: cli}, nil
}

// Close releases the client.
func (e *Engine) Close() error { return e.cli.Close() }

// imagePresent reports whether the engine holds ref.
func (e *Engine) imagePresent(ctx context.Context, ref string) bool {
	_, err := e.cli.ImageInspect(ctx, ref)
	return err == nil
}

// pull fetches ref from its registry, when one is reachable.
func (e *Engine) pull(ctx context.Context, ref string) error {
	if !registryReachable(ctx) {
		return errors.New("no image registry is reachable")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	resp, err := e.cli.ImagePull(ctx, ref, client.ImagePullOptions{})
	if err != nil {
		return fmt.Errorf("pull %s: %w", ref, err)
	}
	defer resp.Close()
	if err := resp.Wait(ctx); err != nil {
		return fmt.Errorf("pull %s: %w", ref, err)
	}
	return nil
}

var (
	registryOnce sync.Once
	registryUp   bool
)

// registryReachable tells, once per process, whether Docker Hub's registry
// has an address: on machines without one (no DNS for it) a pull fails
// only after seconds, so the runtime does not try. MALLBOTS_REGISTRY=off or
// on skips the probe.
func registryReachable(ctx context.Context) bool {
	registryOnce.Do(func() {
		switch os.Getenv("MALLBOTS_REGISTRY") {
		case "off":
			return
		case "on":
			registryUp = true
			return
		}
		ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		_, err := net.DefaultResolver.LookupHost(ctx, "registry-1.docker.io")
		registryUp = err == nil
	})
	return registryUp
}

var configureOnce sync.Once

// configureTestcontainers sets, before testcontainers-go first reads its
// configuration (once per process), what this machine needs. The user's own
// settings win.
//   - TESTCONTAINERS_RYUK_DISABLED=true when the reaper's image is neither
//     here nor pullable: with Ryuk on, every container request would fail.
//     The runtime's labels and sweep do the reaper's job.
//   - TESTCONTAINERS_HOST_OVERRIDE=localhost inside a container
//     (/.dockerenv): testcontainers would otherwise take the default
//     gateway for the engine's host, and every wait strategy would time out.
func (e *Engine) configureTestcontainers(ctx context.Context) {
	configureOnce.Do(func() {
		if _, ok := os.LookupEnv("TESTCONTAINERS_RYUK_DISABLED"); !ok && !e.imagePresent(ctx, ryukImage) {
			if e.pull(ctx, ryukImage) != nil {
				os.Setenv("TESTCONTAINERS_RYUK_DISABLED", "true")
			}
		}
		if _, ok := os.LookupEnv("TESTCONTAINERS_HOST_OVERRIDE"); !ok {
			if _, err := os.Stat("/.dockerenv"); err == nil {
				os.Setenv("TESTCONTAINERS_HOST_OVERRIDE", "localhost")
			}
		}
		// A run whose console goes away (`e2e run | head`) would die of
		// SIGPIPE on its next print and leave its containers behind; with
		// the signal caught, the print fails instead and Close still runs.
		signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
		// testcontainers-go logs every container it creates to stderr;
		// MALLBOTS_TESTCONTAINERS_LOG=1 keeps that chatter.
		if os.Getenv("MALLBOTS_TESTCONTAINERS_LOG") == "" {
			tclog.SetDefault(tclog.NewNoopLogger())
		}
	})
}
