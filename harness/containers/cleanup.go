package containers

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/moby/moby/client"
)

// RunResources lists the ids of the containers and networks labelled with
// run id (every run's, when id is empty).
func (e *Engine) RunResources(ctx context.Context, id string) (containers, networks []string, err error) {
	cs, ns, err := e.labelled(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	for _, c := range cs {
		containers = append(containers, c.id)
	}
	for _, n := range ns {
		networks = append(networks, n.id)
	}
	return containers, networks, nil
}

type resource struct {
	id     string
	labels map[string]string
}

func (e *Engine) labelled(ctx context.Context, id string) (cs, ns []resource, err error) {
	filter := labelRun
	if id != "" {
		filter += "=" + id
	}
	f := client.Filters{}.Add("label", filter)
	clist, err := e.cli.ContainerList(ctx, client.ContainerListOptions{All: true, Filters: f})
	if err != nil {
		return nil, nil, fmt.Errorf("list containers: %w", err)
	}
	for _, c := range clist.Items {
		cs = append(cs, resource{id: c.ID, labels: c.Labels})
	}
	nlist, err := e.cli.NetworkList(ctx, client.NetworkListOptions{Filters: f})
	if err != nil {
		return nil, nil, fmt.Errorf("list networks: %w", err)
	}
	for _, n := range nlist.Items {
		ns = append(ns, resource{id: n.ID, labels: n.Labels})
	}
	return cs, ns, nil
}

// RemoveRun force-removes every container, then every network, of run id.
func (e *Engine) RemoveRun(ctx context.Context, id string) error {
	if id == "" {
		return errors.New("remove run: empty run id")
	}
	cs, ns, err := e.labelled(ctx, id)
	if err != nil {
		return fmt.Errorf("remove run %s: %w", id, err)
	}
	return e.remove(ctx, cs, ns)
}

// Sweep removes what runs whose owner is gone left behind (a run killed
// before its cleanup) and returns how many containers and networks went.
func (e *Engine) Sweep(ctx context.Context) (int, error) {
	cs, ns, err := e.labelled(ctx, "")
	if err != nil {
		return 0, fmt.Errorf("sweep: %w", err)
	}
	keep := func(rs []resource) []resource {
		var out []resource
		for _, r := range rs {
			if abandoned(r.labels) {
				out = append(out, r)
			}
		}
		return out
	}
	cs, ns = keep(cs), keep(ns)
	if err := e.remove(ctx, cs, ns); err != nil {
		return 0, fmt.Errorf("sweep: %w", err)
	}
	return len(cs) + len(ns), nil
}

// remove deletes the containers at once (their volumes too), then the
// networks, which can go only once empty.
func (e *Engine) remove(ctx context.Context, cs, ns []resource) error {
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Go(func() {
			_, err := e.cli.ContainerRemove(ctx, c.id, client.ContainerRemoveOptions{Force: true, RemoveVolumes: true})
			if err != nil && !isNotFound(err) {
				mu.Lock()
				errs = append(errs, fmt.Errorf("remove container %.12s: %w", c.id, err))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, n := range ns {
		if _, err := e.cli.NetworkRemove(ctx, n.id, client.NetworkRemoveOptions{}); err != nil && !isNotFound(err) {
			errs = append(errs, fmt.Errorf("remove network %.12s: %w", n.id, err))
		}
	}
	return errors.Join(errs...)
}
