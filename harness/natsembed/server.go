package natsembed

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/mallbots/mallbots/harness/owner"
)

const (
	// host is the only address the server listens on.
	host = "127.0.0.1"
	// readyTimeout bounds the wait for the server to accept clients.
	readyTimeout = 10 * time.Second
)

// Server is an embedded NATS server with JetStream.
type Server struct {
	mu       sync.Mutex
	srv      *server.Server // nil while shut down
	port     int
	storeDir string
	ownsDir  bool
	logger   server.Logger
	closed   bool
	// name is the server's name, and cluster and routes its place in a
	// cluster (StartCluster); empty for a lone server.
	name    string
	cluster server.ClusterOpts
	routes  []*url.URL
}

// Start starts a NATS server with JetStream on 127.0.0.1 and waits until
// it accepts connections.
func Start(opts ...Option) (*Server, error) {
	s, err := start(opts)
	if err != nil {
		return nil, fmt.Errorf("start nats: %w", err)
	}
	return s, nil
}

func start(opts []Option) (*Server, error) {
	o, err := newOptions(opts)
	if err != nil {
		return nil, err
	}
	s := &Server{port: o.port, storeDir: o.storeDir, logger: o.logger, name: o.name, cluster: o.cluster, routes: o.routes}
	if s.name == "" {
		s.name = "natsembed"
	}
	if err := s.prepareStoreDir(); err != nil {
		return nil, err
	}
	if err := s.run(); err != nil {
		return nil, errors.Join(err, s.removeStoreDir())
	}
	return s, nil
}

func (s *Server) prepareStoreDir() error {
	if s.storeDir != "" {
		if err := os.MkdirAll(s.storeDir, 0o750); err != nil {
			return fmt.Errorf("store dir: %w", err)
		}
		return nil
	}
	_, _ = Sweep() // best effort: a folder it cannot remove stops nothing
	dir, err := os.MkdirTemp("", storePattern)
	if err != nil {
		return fmt.Errorf("store dir: %w", err)
	}
	if err := owner.Mark(dir); err != nil {
		return errors.Join(fmt.Errorf("store dir: %w", err), os.RemoveAll(dir))
	}
	s.storeDir, s.ownsDir = dir, true
	return nil
}

// run starts a new server instance on s.port (a random free port the first
// time when none was set, which is then kept) and waits until it is ready.
func (s *Server) run() error {
	port := s.port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	srv, err := server.NewServer(&server.Options{
		ServerName: s.name,
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   s.storeDir,
		NoLog:      true,
		NoSigs:     true,
		Cluster:    s.cluster,
		Routes:     s.routes,
	})
	if err != nil {
		return err
	}
	logs := &fatalLogger{next: s.logger}
	srv.SetLogger(logs, false, false)
	srv.Start() // returns once the listener is up, or after a fatal error
	if msg := logs.fatal(); msg != "" {
		stopServer(srv)
		return errors.New(msg)
	}
	if !srv.ReadyForConnections(readyTimeout) {
		stopServer(srv)
		return fmt.Errorf("not ready for connections on %s within %s", net.JoinHostPort(host, strconv.Itoa(port)), readyTimeout)
	}
	s.srv = srv
	s.port = srv.Addr().(*net.TCPAddr).Port
	return nil
}

func stopServer(srv *server.Server) {
	srv.Shutdown()
	srv.WaitForShutdown()
}

// URL is the client URL, nats://127.0.0.1:<port>. It stays the same across
// Shutdown and Restart.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return "nats://" + net.JoinHostPort(host, strconv.Itoa(s.port))
}

// Port is the client port on 127.0.0.1.
func (s *Server) Port() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.port
}

// StoreDir is the JetStream store folder.
func (s *Server) StoreDir() string { return s.storeDir }

// Running reports whether the server is up.
func (s *Server) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.srv != nil
}

// Shutdown stops the server, disconnecting every client, but keeps its
// store folder and port for Restart. It does nothing if the server is down.
func (s *Server) Shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdown()
}

func (s *Server) shutdown() {
	if s.srv == nil {
		return
	}
	stopServer(s.srv)
	s.srv = nil
}

// Restart starts the server again on the same port with the same store
// folder, shutting it down first if it is running, and waits until it
// accepts connections. JetStream streams and messages survive.
func (s *Server) Restart() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("restart nats: server is closed")
	}
	s.shutdown()
	if err := s.run(); err != nil {
		return fmt.Errorf("restart nats: %w", err)
	}
	return nil
}

// Close stops the server and removes its store folder if Start created
// it. Later calls do nothing.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	s.shutdown()
	if err := s.removeStoreDir(); err != nil && s.logger != nil {
		s.logger.Errorf("natsembed: %v", err)
	}
}

func (s *Server) removeStoreDir() error {
	if !s.ownsDir {
		return nil
	}
	if err := os.RemoveAll(s.storeDir); err != nil {
		return fmt.Errorf("remove store dir: %w", err)
	}
	return nil
}
