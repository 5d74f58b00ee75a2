package containers

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
	tclog "github.com/testcontainers/testcontainers-go/log"
	tcnats "github.com/testcontainers/testcontainers-go/modules/nats"
	tcpostgres "github.com/testcontainers/testcontainers-go/modules/postgres"
	"github.com/testcontainers/testcontainers-go/network"
	"github.com/testcontainers/testcontainers-go/wait"
	"golang.org/x/sync/errgroup"

	"github.com/mallbots/mallbots/harness/local"
	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
)

// In-network addresses: every container listens on its image's usual port
// and is reached by its alias.
const (
	natsAlias     = "nats"
	postgresAlias = "postgres"
	httpPort      = "8080/tcp"
	natsPort      = "4222/tcp"
	postgresPort  = "5432/tcp"
	pgCredential  = "mallbots" // user, password and database of the run's Postgres
)

// Runtime is the containers runtime.
type Runtime struct{ opts []Option }

// New returns the containers runtime.
func New(opts ...Option) *Runtime { return &Runtime{opts: opts} }

// Name returns "containers".
func (r *Runtime) Name() string { return "containers" }

// Up prepares the images (built only when their inputs changed), starts the
// topology and returns once every container is ready. StartupTime covers
// the containers, not the images. On error or a cancelled ctx (Ctrl-C),
// everything of the run is removed before Up returns.
func (r *Runtime) Up(ctx context.Context, topo topology.Topology) (runtime.Environment, error) {
	return r.up(ctx, topo)
}

func (r *Runtime) up(ctx context.Context, topo topology.Topology) (_ *Env, err error) {
	opts, err := newOptions(r.opts)
	if err != nil {
		return nil, fmt.Errorf("containers runtime: %w", err)
	}
	if opts.root == "" {
		if opts.root, err = local.ModuleRoot(); err != nil {
			return nil, err
		}
	}
	eng, err := Connect(ctx)
	if err != nil {
		return nil, err
	}
	eng.configureTestcontainers(ctx)
	if n, err := eng.Sweep(ctx); err != nil {
		fmt.Fprintf(opts.progress, "containers: %v\n", err)
	} else if n > 0 {
		fmt.Fprintf(opts.progress, "containers: swept %d containers and networks left by killed runs\n", n)
	}
	imgs, err := PrepareImages(ctx, eng, opts.root, opts.images, opts.progress)
	if err != nil {
		eng.Close()
		return nil, err
	}
	built := "none"
	if len(imgs.Built) > 0 {
		built = strings.Join(imgs.Built, ", ")
	}
	fmt.Fprintf(opts.progress, "containers: images ready in %s (built or pulled: %s): %s, %s, %s\n",
		imgs.Took.Round(time.Millisecond), built, imgs.Services, imgs.NATS, imgs.Postgres)

	begin := time.Now()
	env := newEnv(eng, topo, opts, imgs, begin)
	defer func() {
		if err != nil {
			if cerr := env.Close(context.WithoutCancel(ctx)); cerr != nil {
				err = fmt.Errorf("%w (and cleaning up: %v)", err, cerr)
			}
		}
	}()
	if err := env.start(ctx); err != nil {
		if ctx.Err() != nil { // Ctrl-C: the cause is not worth a page of logs
			return nil, fmt.Errorf("containers runtime: interrupted while starting: %w", context.Cause(ctx))
		}
		return nil, err
	}
	env.startup = time.Since(begin)
	return env, nil
}

// start creates the network, then every container side by side: a service
// waits at start for NATS and Postgres to answer (mallbots --wait-for-deps),
// so its container need not wait for their readiness. The services' start
// requests follow the brokers' (the engine starts containers about one at a
// time), so that Postgres initialises while the services' containers start.
func (e *Env) start(ctx context.Context) error {
	nw, err := network.New(ctx, withNetworkLabels(e.labels("")))
	if err != nil {
		return fmt.Errorf("create the run's network: %w", err)
	}
	e.network = nw
	e.trace("network")
	if err := e.plan(ctx); err != nil {
		return err
	}
	all, actx := errgroup.WithContext(ctx)
	pgUp := make(chan struct{})
	infra := []chan struct{}{pgUp}
	all.Go(func() error { return e.startPostgres(actx, pgUp) })
	natsReady := make(chan struct{})
	nodes, nctx := errgroup.WithContext(actx)
	for _, node := range e.natsNodes() {
		natsUp := make(chan struct{})
		infra = append(infra, natsUp)
		nodes.Go(func() error { return e.startNATS(nctx, node, natsUp) })
	}
	all.Go(func() error {
		if err := nodes.Wait(); err != nil {
			return err
		}
		close(natsReady)
		return nil
	})
	if e.topo.Clustered() {
		// The services wait for the cluster's stream (prepareStream).
		infra = append(infra, natsReady)
		prepared := make(chan struct{})
		infra = append(infra, prepared)
		all.Go(func() error {
			select {
			case <-natsReady:
			case <-actx.Done():
				return nil
			}
			if err := e.prepareStream(actx); err != nil {
				return err
			}
			close(prepared)
			return nil
		})
	}
	for _, ch := range infra {
		select {
		case <-ch:
		case <-actx.Done():
			return all.Wait()
		}
	}
	all.Go(func() error { return e.startHTTP(actx, topology.SMSProvider, e.smsArgs()) })
	for _, s := range e.topo.Services {
		all.Go(func() error { return e.startHTTP(actx, s.Name, e.serviceArgs(s)) })
	}
	return all.Wait()
}

// signalStarted closes started once the engine first started the
// container, before its readiness is awaited (a fault step's restart runs
// the hook again: once is enough).
func signalStarted(started chan struct{}) testcontainers.CustomizeRequestOption {
	var once sync.Once
	return testcontainers.WithAdditionalLifecycleHooks(testcontainers.ContainerLifecycleHooks{
		PostStarts: []testcontainers.ContainerHook{func(context.Context, testcontainers.Container) error {
			once.Do(func() { close(started) })
			return nil
		}},
	})
}

func withNetworkLabels(labels map[string]string) network.CustomizeNetworkOption {
	return func(req *client.NetworkCreateOptions) error {
		if req.Labels == nil {
			req.Labels = map[string]string{}
		}
		maps.Copy(req.Labels, labels)
		return nil
	}
}

// plan picks the host ports and the endpoints.
func (e *Env) plan(ctx context.Context) error {
	nodes := e.natsNodes()
	names := append(append(slices.Clone(nodes), topology.SMSProvider), serviceNames(e.topo)...)
	// Postgres too gets a fixed host port, so that the harness reaches it
	// at the same address after a chaos run restarted it.
	published := append(slices.Clone(names), postgresAlias)
	ports, err := e.eng.pickPorts(ctx, len(published))
	if err != nil {
		return err
	}
	for i, name := range published {
		e.hostPorts[name] = ports[i]
	}
	urls := map[string]string{}
	for _, name := range names[len(nodes):] {
		urls[name] = fmt.Sprintf("http://127.0.0.1:%d", e.hostPorts[name])
	}
	var natsURLs []string
	for _, node := range nodes {
		natsURLs = append(natsURLs, fmt.Sprintf("nats://127.0.0.1:%d", e.hostPorts[node]))
	}
	e.endpoints = runtime.Endpoints{Contexts: map[string]string{}, Services: urls,
		NATS: strings.Join(natsURLs, ","), SMSProvider: urls[topology.SMSProvider]}
	for _, s := range e.topo.Services {
		for _, c := range s.Contexts {
			e.endpoints.Contexts[c] = urls[s.Name]
		}
	}
	return nil
}

// common are the options every container of the run gets.
func (e *Env) common(name string) []testcontainers.ContainerCustomizer {
	return []testcontainers.ContainerCustomizer{
		network.WithNetwork([]string{name}, e.network),
		testcontainers.WithLabels(e.labels(name)),
		testcontainers.WithName("mallbots-" + e.runID + "-" + name),
		testcontainers.WithLogger(tclog.NewNoopLogger()),
	}
}

// startNATS starts one NATS server (node: "nats", or a cluster's node).
func (e *Env) startNATS(ctx context.Context, node string, started chan struct{}) error {
	opts := append(e.common(node), signalStarted(started),
		// The module's default (-DV: debug and trace) would log every message.
		testcontainers.WithCmd(e.natsArgs(node)...),
		onlyPort(natsPort),
		bindPort(natsPort, e.hostPorts[node]),
		// A log line rather than the module's port check: Docker's proxy
		// accepts connections before the server listens, and the image has
		// no shell for the check inside.
		testcontainers.WithWaitStrategy(wait.ForLog("Server is ready").WithStartupTimeout(e.opts.readyTimeout)),
	)
	c, err := tcnats.Run(ctx, e.images.NATS, opts...)
	e.trace(node)
	e.track(node, c)
	if err != nil {
		return fmt.Errorf("start %s (%s): %w%s", node, e.images.NATS, err, e.logHint(node))
	}
	return nil
}

func (e *Env) startPostgres(ctx context.Context, started chan struct{}) error {
	opts := append(e.common(postgresAlias), signalStarted(started),
		tcpostgres.WithDatabase(pgCredential), tcpostgres.WithUsername(pgCredential),
		tcpostgres.WithPassword(pgCredential),
		bindPort(postgresPort, e.hostPorts[postgresAlias]),
		// Nothing outlives the run: no durability against a machine crash,
		// as in the local runtime, but synchronous commits, so that a crash
		// of Postgres itself (a chaos fault) loses no committed transaction;
		// one pool per service needs the connections.
		testcontainers.WithCmd("postgres", "-c", "fsync=off",
			"-c", "full_page_writes=off", "-c", "max_connections=300"),
		// Like the module's BasicWaitStrategies, without their port check
		// from inside the container (an exec, slow here): the second
		// "ready" line comes from the real server, once it listens.
		testcontainers.WithWaitStrategy(
			wait.ForLog("database system is ready to accept connections").WithOccurrence(2).
				WithStartupTimeout(e.opts.readyTimeout),
			wait.ForListeningPort("5432/tcp").SkipInternalCheck().WithStartupTimeout(e.opts.readyTimeout)),
	)
	c, err := tcpostgres.Run(ctx, e.images.Postgres, opts...)
	e.trace(postgresAlias)
	e.track(postgresAlias, c)
	if err != nil {
		return fmt.Errorf("start postgres (%s): %w%s", e.images.Postgres, err, e.logHint(postgresAlias))
	}
	return nil
}

// startHTTP starts the SMS provider or a service from the system's image and
// waits for its health check.
func (e *Env) startHTTP(ctx context.Context, name string, cmd []string) error {
	entrypoint := "/mallbots"
	if name == topology.SMSProvider {
		entrypoint = "/smsprovider"
	}
	opts := append(e.common(name),
		testcontainers.WithEntrypoint(entrypoint),
		testcontainers.WithCmd(cmd...),
		testcontainers.WithExposedPorts(httpPort),
		bindPort(httpPort, e.hostPorts[name]),
		testcontainers.WithWaitStrategy(wait.ForHTTP(e.healthPath(name)).WithPort(httpPort).
			WithPollInterval(50*time.Millisecond).WithStartupTimeout(e.opts.readyTimeout)),
	)
	c, err := testcontainers.Run(ctx, e.images.Services, opts...)
	e.trace(name)
	e.track(name, c)
	if err != nil {
		return fmt.Errorf("start %s: %w%s", name, err, e.logHint(name))
	}
	return nil
}

func (e *Env) smsArgs() []string { return []string{"--http-addr", ":8080"} }

func (e *Env) serviceArgs(s topology.Service) []string {
	peers := []string{topology.SMSProvider + "=http://" + topology.SMSProvider + ":8080"}
	for _, other := range e.topo.Services {
		for _, c := range other.Contexts {
			peers = append(peers, c+"=http://"+other.Name+":8080")
		}
	}
	args := []string{
		"--contexts", strings.Join(s.Contexts, ","),
		"--http-addr", ":8080",
		"--nats-url", e.natsURLs(), "--stream-replicas", strconv.Itoa(e.streamReplicas()),
		"--postgres-dsn", fmt.Sprintf("postgres://%[1]s:%[1]s@%[2]s:5432/%[1]s?sslmode=disable", pgCredential, postgresAlias),
		"--peers", strings.Join(peers, ","), "--log-format", "text",
		"--wait-for-deps", e.opts.readyTimeout.String(),
		// A test environment: bin/e2e chaos may ask for faults (host.ChaosSubject).
		"--chaos",
	}
	if e.opts.stepTimeout > 0 {
		args = append(args, "--saga-step-timeout", e.opts.stepTimeout.String())
	}
	return args
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

// trace reports, with MALLBOTS_CONTAINERS_TRACE=1, when each step of Up
// ended (to see where the start time goes).
func (e *Env) trace(what string) {
	if os.Getenv("MALLBOTS_CONTAINERS_TRACE") != "" {
		fmt.Fprintf(e.opts.progress, "containers: %s ready at +%s\n", what, time.Since(e.begin).Round(time.Millisecond))
	}
}

// onlyPort exposes just port, instead of everything a module exposes: each
// published port costs a proxy process and firewall rules at every start.
func onlyPort(port string) testcontainers.CustomizeRequestOption {
	return func(req *testcontainers.GenericContainerRequest) error {
		req.ExposedPorts = []string{port}
		return nil
	}
}
