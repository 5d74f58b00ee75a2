package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/contexts"
	"github.com/mallbots/mallbots/system/platform/host"
)

// defaultHTTPAddr is loopback: a process started by hand is reachable from
// this machine only until told otherwise (a container says :8080).
const defaultHTTPAddr = "127.0.0.1:8080"

type settings struct {
	contexts    string
	peers       string
	logLevel    string
	logFormat   string
	contextsCfg contexts.Config
	cfg         host.Config
}

func parse(args []string, getenv func(string) string) (settings, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	var s settings
	fs := flag.NewFlagSet("mallbots", flag.ContinueOnError)
	fs.StringVar(&s.contexts, "contexts", env("MALLBOTS_CONTEXTS", "all"),
		"comma-separated contexts to run, or all ("+strings.Join(contexts.Names(), ", ")+") [MALLBOTS_CONTEXTS]")
	fs.StringVar(&s.cfg.NatsURL, "nats-url", env("MALLBOTS_NATS_URL", "nats://127.0.0.1:4222"), "NATS server URL [MALLBOTS_NATS_URL]")
	fs.StringVar(&s.cfg.PostgresDSN, "postgres-dsn", env("MALLBOTS_POSTGRES_DSN", ""), "Postgres connection string [MALLBOTS_POSTGRES_DSN]")
	fs.StringVar(&s.cfg.HTTPAddr, "http-addr", env("MALLBOTS_HTTP_ADDR", defaultHTTPAddr), "HTTP listen address, or fd:N for an inherited listening socket [MALLBOTS_HTTP_ADDR]")
	fs.StringVar(&s.peers, "peers", env("MALLBOTS_PEERS", ""),
		"base URLs of contexts run elsewhere: stores=http://host:port,... [MALLBOTS_PEERS]")
	fs.IntVar(&s.cfg.MaxDeliver, "max-deliver", 5, "deliveries of a failing message before it is dead-lettered")
	workers, err := strconv.Atoi(env("MALLBOTS_CONSUMER_WORKERS", strconv.Itoa(host.DefaultConsumerWorkers)))
	if err != nil {
		return s, fmt.Errorf("MALLBOTS_CONSUMER_WORKERS: %w", err)
	}
	fs.IntVar(&s.cfg.ConsumerWorkers, "consumer-workers", workers,
		"messages of different orders each consumer handles side by side [MALLBOTS_CONSUMER_WORKERS]")
	replicas, err := strconv.Atoi(env("MALLBOTS_STREAM_REPLICAS", "1"))
	if err != nil {
		return s, fmt.Errorf("MALLBOTS_STREAM_REPLICAS: %w", err)
	}
	fs.IntVar(&s.cfg.StreamReplicas, "stream-replicas", replicas,
		"servers of a NATS cluster that hold the domain stream (3 survives the loss of one) [MALLBOTS_STREAM_REPLICAS]")
	fs.DurationVar(&s.cfg.OutboxPoll, "outbox-poll", 2*time.Second, "outbox relay fallback poll interval")
	fs.DurationVar(&s.cfg.DependencyWait, "wait-for-deps", 30*time.Second,
		"how long to wait at start for NATS and Postgres to answer (0: fail at once)")
	fs.DurationVar(&s.contextsCfg.SagaStepTimeout, "saga-step-timeout", 0,
		"deadline of each create-order saga step (0: the saga's default)")
	fs.BoolVar(&s.cfg.Profiling, "pprof", getenv("MALLBOTS_PPROF") == "true" || getenv("MALLBOTS_PPROF") == "1", "serve Go profiles under /debug/pprof/ [MALLBOTS_PPROF]")
	fs.BoolVar(&s.cfg.Chaos, "chaos", getenv("MALLBOTS_CHAOS") == "true" || getenv("MALLBOTS_CHAOS") == "1",
		"obey fault requests from bin/e2e chaos (testing only) [MALLBOTS_CHAOS]")
	fs.StringVar(&s.logLevel, "log-level", env("MALLBOTS_LOG_LEVEL", "info"), "debug, info, warn or error [MALLBOTS_LOG_LEVEL]")
	fs.StringVar(&s.logFormat, "log-format", env("MALLBOTS_LOG_FORMAT", "text"), "text or json [MALLBOTS_LOG_FORMAT]")
	if err := fs.Parse(args); err != nil {
		return s, err
	}
	peers, err := parsePeers(s.peers)
	s.cfg.Peers = peers
	return s, err
}

func parsePeers(list string) (host.Peers, error) {
	peers := host.Peers{}
	for _, pair := range strings.Split(list, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		name, url, ok := strings.Cut(pair, "=")
		if !ok || name == "" || url == "" {
			return nil, fmt.Errorf("peer %q: want name=url", pair)
		}
		peers[name] = strings.TrimRight(url, "/")
	}
	return peers, nil
}

func newLogger(level, format string) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: %w", level, err)
	}
	opts := &slog.HandlerOptions{Level: lvl}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(os.Stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(os.Stderr, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: want text or json", format)
}

func run(ctx context.Context, args []string, getenv func(string) string) error {
	s, err := parse(args, getenv)
	if err != nil {
		return err
	}
	modules, err := contexts.Select(s.contexts, s.contextsCfg)
	if err != nil {
		return err
	}
	if s.cfg.Logger, err = newLogger(s.logLevel, s.logFormat); err != nil {
		return err
	}
	slog.SetDefault(s.cfg.Logger)
	h, err := host.New(ctx, s.cfg, modules...)
	if err != nil {
		return err
	}
	return h.Run(ctx)
}
