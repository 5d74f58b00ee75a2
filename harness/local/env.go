package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/mallbots/mallbots/harness/natsembed"
	"github.com/mallbots/mallbots/harness/pgtemp"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/system/platform/bus"
)

// Env is a system running on this machine.
type Env struct {
	topo      topology.Topology
	opts      options
	nats      broker
	cluster   *natsembed.Cluster // the same broker, when NATS runs as a cluster
	pg        *pgtemp.Server
	dsn       string // the system's database, as the services reach it
	pgLog     *lineLog
	procs     map[string]*process
	endpoints runtime.Endpoints
	startup   time.Duration
	closeOnce sync.Once
	closeErr  error
}

var _ runtime.Environment = (*Env)(nil)

// Endpoints returns where everything is.
func (e *Env) Endpoints() runtime.Endpoints { return e.endpoints }

// StartupTime is how long Up took.
func (e *Env) StartupTime() time.Duration { return e.startup }

// Logs returns the last lines of a service, "smsprovider" or "postgres".
func (e *Env) Logs(service string, lines int) []string {
	if service == "postgres" {
		return e.pgLog.tail(lines)
	}
	if p, ok := e.procs[service]; ok {
		return p.log.tail(lines)
	}
	return nil
}

// Close stops every process, then Postgres and NATS, and removes their
// folders. It is safe to call more than once.
func (e *Env) Close(ctx context.Context) error {
	e.closeOnce.Do(func() { e.closeErr = e.close(ctx) })
	return e.closeErr
}

func (e *Env) close(ctx context.Context) error {
	grace := 10 * time.Second
	if d, ok := ctx.Deadline(); ok {
		grace = time.Until(d)
	}
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for _, p := range e.procs {
		p.release() // a port held for a process never started
		wg.Go(func() {
			if err := p.stop(grace); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if e.pg != nil {
		errs = append(errs, e.pg.Stop())
	}
	if e.nats != nil {
		e.nats.Close()
	}
	return errors.Join(errs...)
}

// broker is NATS: one embedded server, or a cluster of them.
type broker interface {
	URL() string
	Shutdown()
	Restart() error
	Close()
}

// startBroker starts the topology's NATS: a lone server, or a cluster.
func (e *Env) startBroker() error {
	if e.topo.Clustered() {
		c, err := natsembed.StartCluster(e.topo.NATSNodes)
		if err != nil {
			return err
		}
		e.nats, e.cluster = c, c
		if err := createStream(c.URL(), e.topo.NATSNodes); err != nil {
			return err
		}
		_, err = c.StreamLeader(bus.StreamName, electionWait) // a stream without a leader answers no publish
		return err
	}
	s, err := natsembed.Start()
	if err != nil {
		return err
	}
	e.nats = s
	return nil
}

// createStream creates the domain stream on a cluster before the services
// start: nine services creating one replicated stream at once overran
// their start deadline while the cluster placed it.
func createStream(url string, replicas int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, url, "harness")
	if err != nil {
		return err
	}
	defer b.Close()
	return b.EnsureStreamReplicas(ctx, replicas)
}

// preferredTempDir puts Postgres on tmpfs when the machine has one: copying
// the template cluster there is several times faster than on disk.
func preferredTempDir() string {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		if f, err := os.CreateTemp("/dev/shm", "mallbots-probe-*"); err == nil {
			f.Close()
			os.Remove(f.Name())
			return "/dev/shm"
		}
	}
	return os.TempDir()
}

func (e *Env) process(service string) (*process, error) {
	p, ok := e.procs[service]
	if !ok {
		return nil, fmt.Errorf("no service %q in this environment", service)
	}
	return p, nil
}
