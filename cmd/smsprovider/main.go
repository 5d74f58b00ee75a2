// Command smsprovider runs the stand-in for the third-party SMS provider
// (package thirdparty/smsprovider): an in-memory HTTP API that accepts SMS,
// can be told to fail, slow down or drop, and shows what it received.
//
//	smsprovider --http-addr 127.0.0.1:8090   (or SMSPROVIDER_HTTP_ADDR; the default)
//
// It stops gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mallbots/mallbots/internal/listener"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// shutdownGrace bounds how long in-flight requests (a slow send) may take
// once a stop is asked for.
const shutdownGrace = 5 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	err := run(ctx, os.Args[1:], os.Getenv, log)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "smsprovider:", err)
		os.Exit(1)
	}
}

type settings struct{ httpAddr string }

func parse(args []string, getenv func(string) string) (settings, error) {
	var s settings
	def := getenv("SMSPROVIDER_HTTP_ADDR")
	if def == "" {
		def = "127.0.0.1:8090" // loopback unless told otherwise (a container says :8080)
	}
	fs := flag.NewFlagSet("smsprovider", flag.ContinueOnError)
	fs.StringVar(&s.httpAddr, "http-addr", def, "HTTP listen address, or fd:N for an inherited listening socket [SMSPROVIDER_HTTP_ADDR]")
	if err := fs.Parse(args); err != nil {
		return s, err
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return s, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, log *slog.Logger) error {
	s, err := parse(args, getenv)
	if err != nil {
		return err
	}
	ln, err := listener.Listen(s.httpAddr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", s.httpAddr, err)
	}
	log.Info("sms provider stand-in ready", "addr", ln.Addr().String())
	return serve(ctx, ln, smsprovider.New().Handler())
}

// serve serves h on ln until ctx ends, then lets in-flight requests finish
// for up to shutdownGrace.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve http: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("shutdown http: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
