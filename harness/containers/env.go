package containers

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/testcontainers/testcontainers-go"

	"github.com/mallbots/mallbots/harness/owner"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

// Env is a system running in containers.
type Env struct {
	eng       *Engine
	topo      topology.Topology
	opts      options
	images    Images
	runID     string
	runLabels map[string]string
	network   *testcontainers.DockerNetwork
	hostPorts map[string]int
	endpoints runtime.Endpoints
	startup   time.Duration
	begin     time.Time

	mu         sync.Mutex
	containers map[string]testcontainers.Container

	closeOnce sync.Once
	closeErr  error
}

var _ runtime.Environment = (*Env)(nil)

func newEnv(eng *Engine, topo topology.Topology, opts options, imgs Images, begin time.Time) *Env {
	id := newRunID()
	return &Env{
		eng: eng, topo: topo, opts: opts, images: imgs, runID: id,
		runLabels: runLabels(id, owner.Self(), begin), hostPorts: map[string]int{}, begin: begin,
		containers: map[string]testcontainers.Container{},
	}
}

// RunID is the value of the dev.mallbots.run label on everything of the run.
func (e *Env) RunID() string { return e.runID }

// Images are the images the run started.
func (e *Env) Images() Images { return e.images }

// Endpoints returns where everything is.
func (e *Env) Endpoints() runtime.Endpoints { return e.endpoints }

// StartupTime is how long starting the containers took (images excluded).
func (e *Env) StartupTime() time.Duration { return e.startup }

// labels are the run's labels, plus the service's when service is set.
func (e *Env) labels(service string) map[string]string {
	l := maps.Clone(e.runLabels)
	if service != "" {
		l[labelService] = service
	}
	return l
}

// track remembers a container, even one that failed its wait strategy.
func (e *Env) track(name string, c testcontainers.Container) {
	if c == nil {
		return
	}
	if dc, ok := c.(*testcontainers.DockerContainer); ok && dc == nil {
		return
	}
	e.mu.Lock()
	e.containers[name] = c
	e.mu.Unlock()
}

func (e *Env) container(name string) (testcontainers.Container, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	c, ok := e.containers[name]
	if !ok {
		return nil, fmt.Errorf("no container %q in this environment", name)
	}
	return c, nil
}

// logHint is the tail of a container's log, for an error message.
func (e *Env) logHint(name string) string {
	lines := e.Logs(name, 20)
	if len(lines) == 0 {
		return ""
	}
	return "\n" + name + " logged:\n  " + strings.Join(lines, "\n  ")
}

// Close removes every container and the network of the run (by label, so
// that containers whose start was interrupted go too). It is safe to call
// more than once.
func (e *Env) Close(ctx context.Context) error {
	e.closeOnce.Do(func() {
		var errs []error
		// The services first, so they do not log broker and database
		// errors while the infrastructure goes; then the rest by label.
		errs = append(errs, e.stopServices(ctx))
		errs = append(errs, e.eng.RemoveRun(ctx, e.runID))
		errs = append(errs, e.eng.Close())
		e.closeErr = errors.Join(errs...)
	})
	return e.closeErr
}

// stopServices removes the service containers at once (no graceful stop:
// nothing of the run is kept).
func (e *Env) stopServices(ctx context.Context) error {
	e.mu.Lock()
	var ids []resource
	for _, s := range e.topo.Services {
		if c, ok := e.containers[s.Name]; ok {
			ids = append(ids, resource{id: c.GetContainerID()})
		}
	}
	e.mu.Unlock()
	return e.eng.remove(ctx, ids, nil)
}
