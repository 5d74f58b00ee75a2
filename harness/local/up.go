package local

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/mallbots/mallbots/harness/freeport"
	"github.com/mallbots/mallbots/harness/pgtemp"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

// Runtime is the local runtime.
type Runtime struct{ opts []Option }

// New returns the local runtime.
func New(opts ...Option) *Runtime { return &Runtime{opts: opts} }

// Name returns "local".
func (r *Runtime) Name() string { return "local" }

// Up starts the topology and returns once every service is healthy. On
// error, everything already started is stopped again.
func (r *Runtime) Up(ctx context.Context, topo topology.Topology) (runtime.Environment, error) {
	return r.up(ctx, topo)
}

func (r *Runtime) up(ctx context.Context, topo topology.Topology) (_ *Env, err error) {
	opts, err := newOptions(r.opts)
	if err != nil {
		return nil, fmt.Errorf("local runtime: %w", err)
	}
	if opts.binaries.Mallbots == "" {
		if opts.binaries, err = buildFromModule(ctx); err != nil {
			return nil, err
		}
	}
	opts.sweep()
	begin := time.Now()
	env := &Env{topo: topo, opts: opts, procs: map[string]*process{}, pgLog: newLineLog(200, nil)}
	defer func() {
		if err != nil {
			_ = env.Close(context.WithoutCancel(ctx))
		}
	}()
	dsn, err := env.startInfrastructure(ctx)
	if err != nil {
		return nil, err
	}
	env.dsn = dsn
	if err := env.planProcesses(dsn); err != nil {
		return nil, err
	}
	if err := env.startProcesses(ctx); err != nil {
		return nil, err
	}
	env.startup = time.Since(begin)
	return env, nil
}

func buildFromModule(ctx context.Context) (Binaries, error) {
	root, err := ModuleRoot()
	if err != nil {
		return Binaries{}, err
	}
	return Build(ctx, root)
}

// startInfrastructure starts NATS and Postgres side by side.
func (e *Env) startInfrastructure(ctx context.Context) (string, error) {
	var dsn string
	g, gctx := errgroup.WithContext(ctx)
	g.Go(e.startBroker)
	g.Go(func() (err error) {
		e.pg, err = pgtemp.Start(gctx, pgtemp.WithLogWriter(e.pgLog), pgtemp.WithTempDir(e.opts.tempDir))
		if err != nil {
			return err
		}
		dsn, err = e.pg.CreateDatabase(gctx, "mallbots")
		return err
	})
	if err := g.Wait(); err != nil {
		return "", fmt.Errorf("start infrastructure: %w", err)
	}
	return dsn, nil
}

// planProcesses picks ports and command lines for the SMS provider and
// every service, so that each one knows where its peers are.
func (e *Env) planProcesses(dsn string) error {
	urls := map[string]string{}
	ports := map[string]int{}
	held := map[string]*net.TCPListener{}
	for _, name := range append([]string{topology.SMSProvider}, serviceNames(e.topo)...) {
		ln, port, err := freeport.Reserve()
		if err != nil {
			for _, ln := range held {
				ln.Close()
			}
			return err
		}
		held[name], ports[name], urls[name] = ln, port, fmt.Sprintf("http://127.0.0.1:%d", port)
	}
	e.endpoints = runtime.Endpoints{Contexts: map[string]string{}, Services: urls,
		NATS: e.nats.URL(), SMSProvider: urls[topology.SMSProvider]}
	peers := []string{topology.SMSProvider + "=" + urls[topology.SMSProvider]}
	for _, s := range e.topo.Services {
		for _, c := range s.Contexts {
			e.endpoints.Contexts[c] = urls[s.Name]
			peers = append(peers, c+"="+urls[s.Name])
		}
	}
	e.procs[topology.SMSProvider] = &process{name: topology.SMSProvider, bin: e.opts.binaries.SMSProvider,
		args: []string{"--http-addr", inheritedFD}, listen: loopback(ports[topology.SMSProvider]),
		log: newLineLog(300, e.opts.logSink)}
	for _, s := range e.topo.Services {
		e.procs[s.Name] = &process{name: s.Name, bin: e.opts.binaries.Mallbots, args: e.serviceArgs(s, dsn, peers),
			listen: loopback(ports[s.Name]), log: newLineLog(300, e.opts.logSink)}
	}
	for name, ln := range held {
		e.procs[name].held.Store(ln)
	}
	return nil
}

func loopback(port int) string { return fmt.Sprintf("127.0.0.1:%d", port) }

func (e *Env) serviceArgs(s topology.Service, dsn string, peers []string) []string {
	args := []string{
		"--contexts", strings.Join(s.Contexts, ","),
		"--http-addr", inheritedFD,
		"--nats-url", e.nats.URL(), "--postgres-dsn", dsn,
		"--peers", strings.Join(peers, ","), "--log-format", "text",
		"--stream-replicas", strconv.Itoa(max(e.topo.NATSNodes, 1)),
		// A test environment: bin/e2e chaos may ask for faults (host.ChaosSubject).
		"--chaos",
	}
	if e.opts.stepTimeout > 0 {
		args = append(args, "--saga-step-timeout", e.opts.stepTimeout.String())
	}
	return args
}

// startProcesses starts every process at once and waits for all of them
// to pass their health check.
func (e *Env) startProcesses(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, e.opts.readyTimeout)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	for name, p := range e.procs {
		if err := p.start(); err != nil {
			return err
		}
		health := e.endpoints.Services[name] + e.healthPath(name)
		g.Go(func() error { return p.awaitHealthy(gctx, health) })
	}
	return g.Wait()
}

func (e *Env) healthPath(name string) string {
	if s, ok := e.topo.Service(name); ok && s.Health != "" {
		return s.Health
	}
	return "/healthz"
}

func serviceNames(t topology.Topology) []string {
	var names []string
	for _, s := range t.Services {
		names = append(names, s.Name)
	}
	return names
}
