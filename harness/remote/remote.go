package remote

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/mallbots/mallbots/harness/runtime"
	"github.com/mallbots/mallbots/harness/topology"
	"github.com/mallbots/mallbots/system/platform/redact"
)

// SafeTag marks the scenarios that may run against a shared environment:
// they only add data of their own and break nothing.
const SafeTag = "@safe"

// RequiredTags combines a run's tag expression with SafeTag.
func RequiredTags(tags string) string {
	if strings.TrimSpace(tags) == "" {
		return SafeTag
	}
	// godog's tag filter is an OR (",") of ANDs ("&&") without parentheses,
	// so the safe tag joins every OR term.
	terms := strings.Split(tags, ",")
	for i, t := range terms {
		terms[i] = strings.TrimSpace(t) + " && " + SafeTag
	}
	return strings.Join(terms, ",")
}

// Runtime is the remote runtime.
type Runtime struct {
	config string // key=URL pairs; empty: read the environment at Up
}

// Option configures the remote runtime.
type Option func(*Runtime) error

// WithEndpoints sets the key=URL pairs instead of the environment's.
func WithEndpoints(pairs string) Option {
	return func(r *Runtime) error {
		r.config = pairs
		return nil
	}
}

// New returns the remote runtime.
func New(opts ...Option) (*Runtime, error) {
	r := &Runtime{}
	var errs []error
	for _, opt := range opts {
		errs = append(errs, opt(r))
	}
	return r, errors.Join(errs...)
}

// Name returns "remote".
func (r *Runtime) Name() string { return "remote" }

// Up starts nothing: it reads the endpoints, checks that every context of
// topo has one and that each answers its health check.
func (r *Runtime) Up(ctx context.Context, topo topology.Topology) (runtime.Environment, error) {
	begin := time.Now()
	pairs := r.config
	if pairs == "" {
		var err error
		if pairs, err = fromEnvironment(); err != nil {
			return nil, err
		}
	}
	ep, err := parse(pairs, topo)
	if err != nil {
		return nil, fmt.Errorf("remote runtime: %w", err)
	}
	if err := checkHealth(ctx, ep); err != nil {
		return nil, fmt.Errorf("remote runtime: %w", err)
	}
	return &Env{endpoints: ep, startup: time.Since(begin)}, nil
}

func fromEnvironment() (string, error) {
	var parts []string
	if path := os.Getenv("MALLBOTS_REMOTE_CONFIG"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("remote runtime: %w", err)
		}
		parts = append(parts, string(data))
	}
	if v := os.Getenv("MALLBOTS_REMOTE_ENDPOINTS"); v != "" {
		parts = append(parts, v)
	}
	if len(parts) == 0 {
		return "", errors.New("remote runtime: no endpoints: set MALLBOTS_REMOTE_CONFIG (a file) or MALLBOTS_REMOTE_ENDPOINTS (nats=...,smsprovider=...,<context>=... or *=...)")
	}
	return strings.Join(parts, "\n"), nil
}

// parse reads key=URL pairs into endpoints for topo; every problem is
// reported at once. nats= may repeat, once per node of a NATS cluster.
func parse(pairs string, topo topology.Topology) (runtime.Endpoints, error) {
	values := map[string]string{}
	var errs []error
	sc := bufio.NewScanner(strings.NewReader(strings.ReplaceAll(pairs, ",", "\n")))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		key, val = strings.TrimSpace(key), strings.TrimRight(strings.TrimSpace(val), "/")
		if u, err := url.Parse(val); !ok || err != nil || u.Scheme == "" || u.Host == "" {
			// The value is not shown: what is no URL cannot be told apart
			// from a password.
			shown := key + "=..."
			if !ok {
				shown = "an entry without ="
			}
			errs = append(errs, fmt.Errorf("%q: want key=URL", shown))
			continue
		}
		if key == "nats" && values[key] != "" {
			val = values[key] + "," + val // every node of a cluster, for failover
		}
		values[key] = val
	}
	ep := runtime.Endpoints{Contexts: map[string]string{}, Services: map[string]string{},
		NATS: values["nats"], SMSProvider: values[topology.SMSProvider]}
	if ep.NATS == "" {
		errs = append(errs, errors.New("no nats=URL (the event tap needs the broker)"))
	}
	for _, s := range topo.Services {
		for _, c := range s.Contexts {
			u := values[c]
			if u == "" {
				u = values["*"]
			}
			if u == "" {
				errs = append(errs, fmt.Errorf("no URL for context %s (%s=URL or *=URL)", c, c))
				continue
			}
			ep.Contexts[c] = u
			if _, ok := ep.Services[s.Name]; !ok {
				ep.Services[s.Name] = u
			}
		}
	}
	if ep.SMSProvider != "" {
		ep.Services[topology.SMSProvider] = ep.SMSProvider
	}
	return ep, errors.Join(errs...)
}

// checkHealth asks every distinct service URL for /healthz.
func checkHealth(ctx context.Context, ep runtime.Endpoints) error {
	client := &http.Client{Timeout: 5 * time.Second}
	seen := map[string]bool{}
	var errs []error
	for _, u := range ep.Services {
		if seen[u] {
			continue
		}
		seen[u] = true
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u+"/healthz", nil)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		resp, err := client.Do(req)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", redact.URL(u), err))
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			errs = append(errs, fmt.Errorf("%s/healthz answered %d", redact.URL(u), resp.StatusCode))
		}
	}
	return errors.Join(errs...)
}

// Env is an environment the harness did not start.
type Env struct {
	endpoints runtime.Endpoints
	startup   time.Duration
}

var _ runtime.Environment = (*Env)(nil)

// Endpoints returns where everything is.
func (e *Env) Endpoints() runtime.Endpoints { return e.endpoints }

// Logs has nothing to give: a remote environment's logs are its own.
func (e *Env) Logs(string, int) []string { return nil }

// StartupTime is how long reading and checking the endpoints took.
func (e *Env) StartupTime() time.Duration { return e.startup }

// Close does nothing: the environment is not the harness's to stop.
func (e *Env) Close(context.Context) error { return nil }
