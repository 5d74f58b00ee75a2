package pgtemp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Shutdown modes (pg_ctl's names).
const (
	// ShutdownFast ends every session and checkpoints, as an operator's
	// restart does (SIGINT).
	ShutdownFast = "fast"
	// ShutdownImmediate stops at once without a checkpoint, as a crash
	// does (SIGQUIT): the next start runs crash recovery.
	ShutdownImmediate = "immediate"
)

// Shutdown stops the server in mode and keeps its data, for Restart to
// bring back: what a fault-injection run does to the database.
func (s *Server) Shutdown(mode string) error {
	if s.attached {
		return errors.New("shutdown postgres: attached to another process's server")
	}
	sig := map[string]syscall.Signal{ShutdownFast: syscall.SIGINT, ShutdownImmediate: syscall.SIGQUIT}[mode]
	if sig == 0 {
		return fmt.Errorf("shutdown postgres: mode %q, want %s or %s", mode, ShutdownFast, ShutdownImmediate)
	}
	proc := s.postmaster()
	if err := proc.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("shutdown postgres: %w", err)
	}
	timer := time.NewTimer(stopGrace)
	defer timer.Stop()
	select {
	case <-proc.exited:
		proc.drainOutput()
		return nil
	case <-timer.C:
		proc.kill()
		return fmt.Errorf("postgres did not shut down (%s) within %s and was killed", mode, stopGrace)
	}
}

// Restart starts a server that Shutdown stopped, on the same port with the
// same data, and returns once it accepts connections.
func (s *Server) Restart(ctx context.Context) error {
	if s.stopped.Load() {
		return errors.New("restart postgres: the server was stopped for good")
	}
	select {
	case <-s.postmaster().exited:
	default:
		return errors.New("restart postgres: it is running")
	}
	proc, err := spawnPostgres(s.bins, s.dataDir(), s.dir, s.port, s.user, s.logw)
	if err != nil {
		return fmt.Errorf("restart postgres: %w", err)
	}
	if err := proc.waitReady(ctx); err != nil {
		return fmt.Errorf("restart postgres on port %d: %w", s.port, err)
	}
	s.procMu.Lock()
	s.proc = proc
	s.procMu.Unlock()
	return nil
}
