package pgtemp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

const (
	// portAttempts is how often Start tries a new port when postgres
	// cannot bind the one it was given.
	portAttempts = 3
	// stopGrace is how long Stop waits for a fast shutdown before SIGKILL.
	stopGrace = 10 * time.Second
)

// Server is a running temporary PostgreSQL server. Its superuser is
// "postgres", with trust authentication, on 127.0.0.1.
type Server struct {
	dir    string
	port   int
	major  int
	proc   *postmaster // replaced by Restart: read it with postmaster()
	procMu sync.Mutex
	// bins, user and logw start the postmaster again (Restart).
	bins binaries
	user runUser
	logw io.Writer
	// attached: another process owns the server (see Attach).
	attached bool

	stopped  atomic.Bool
	stopOnce sync.Once
	stopErr  error
}

// Start starts a PostgreSQL server in a new temporary folder and returns
// once it accepts connections. ctx bounds the start-up only.
func Start(ctx context.Context, opts ...Option) (*Server, error) {
	s, err := start(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	return s, nil
}

func start(ctx context.Context, opts []Option) (*Server, error) {
	o, err := newOptions(opts)
	if err != nil {
		return nil, err
	}
	bins, err := findBinaries(ctx)
	if err != nil {
		return nil, err
	}
	u, err := resolveRunUser()
	if err != nil {
		return nil, err
	}
	cacheDir, err := resolveCacheDir(o.cacheDir)
	if err != nil {
		return nil, err
	}
	tmpl, err := ensureTemplate(ctx, bins, cacheDir, u)
	if err != nil {
		return nil, err
	}
	dir, err := newInstanceDir(o.tempDir, u)
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, major: bins.major, bins: bins, user: u, logw: o.logWriter}
	if err := s.boot(ctx, bins, tmpl, u, o); err != nil {
		return nil, errors.Join(err, removeDir(dir))
	}
	return s, nil
}

// newInstanceDir creates the server's folder (data dir and unix socket)
// under parent (os.TempDir() when empty), owned by the run user.
func newInstanceDir(parent string, u runUser) (string, error) {
	if parent == "" {
		parent = os.TempDir()
	}
	if err := u.checkReachable(parent); err != nil {
		return "", err
	}
	reapOrphans(parent)
	dir, err := os.MkdirTemp(parent, instancePattern)
	if err != nil {
		return "", fmt.Errorf("create server folder: %w", err)
	}
	if err := writeOwner(dir); err != nil {
		return "", errors.Join(fmt.Errorf("create server folder: %w", err), removeDir(dir))
	}
	if err := u.chown(dir); err != nil {
		return "", errors.Join(fmt.Errorf("chown server folder: %w", err), removeDir(dir))
	}
	return dir, nil
}

// boot copies the template into the server folder and starts postgres,
// retrying with another port if the chosen one was taken meanwhile.
func (s *Server) boot(ctx context.Context, bins binaries, tmpl string, u runUser, o *options) error {
	if err := copyTree(tmpl, s.dataDir(), u); err != nil {
		return fmt.Errorf("copy template: %w", err)
	}
	for attempt := 1; ; attempt++ {
		port, err := freePort()
		if err != nil {
			return err
		}
		proc, err := spawnPostgres(bins, s.dataDir(), s.dir, port, u, o.logWriter)
		if err != nil {
			return err
		}
		err = proc.waitReady(ctx)
		if err == nil {
			s.port, s.proc = port, proc
			return nil
		}
		if !errors.Is(err, errPortInUse) || attempt == portAttempts {
			return err
		}
	}
}

func (s *Server) dataDir() string { return filepath.Join(s.dir, "data") }

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find free port: %w", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		return 0, fmt.Errorf("find free port: %w", err)
	}
	return port, nil
}

// Port is the TCP port the server listens on at 127.0.0.1.
func (s *Server) Port() int { return s.port }

// Dir is the server's temporary folder, holding the data directory and
// the unix socket; Stop removes it.
func (s *Server) Dir() string { return s.dir }

// DSN returns the connection URL for database as the superuser postgres.
func (s *Server) DSN(database string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, url.PathEscape(database))
}

// Stop shuts the server down (fast shutdown, SIGKILL after 10 s) and
// removes its folder; an attached server is left running. Later calls
// return the first call's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if s.attached {
			return
		}
		s.stopped.Store(true)
		err := errors.Join(s.postmaster().stop(stopGrace), removeDir(s.dir))
		if err != nil {
			s.stopErr = fmt.Errorf("stop postgres: %w", err)
		}
	})
	return s.stopErr
}

// PID is the postmaster's process id (0 when attached to another
// process's server); its backends are its children.
func (s *Server) PID() int {
	p := s.postmaster()
	if p == nil || p.cmd.Process == nil {
		return 0
	}
	return p.cmd.Process.Pid
}

// postmaster is the running (or last) postgres process.
func (s *Server) postmaster() *postmaster {
	s.procMu.Lock()
	defer s.procMu.Unlock()
	return s.proc
}
