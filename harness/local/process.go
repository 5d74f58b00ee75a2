package local

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// process is one child process of the harness. It may be started again
// after it exited (a fault scenario), while a meter reads it: each start is
// a run of its own, swapped in atomically.
type process struct {
	name string
	bin  string
	args []string
	env  []string
	// listen, when set, is the address of the listener the harness hands
	// the process as its fd 3 (inheritedFD): held, bound when its port was
	// picked, for the first start; bound again for a later one.
	listen string
	held   atomic.Pointer[net.TCPListener]
	log    *lineLog
	cur    atomic.Pointer[run]
}

// inheritedFD is the listen address of a process given its listener.
const inheritedFD = "fd:3"

// run is one start of a process.
type run struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error // valid once exited is closed
}

func (r *run) done() bool {
	select {
	case <-r.exited:
		return true
	default:
		return false
	}
}

// start launches the process in its own process group (so a terminal's
// Ctrl-C reaches only the harness, which then stops it in order) with a
// parent-death signal (so it never outlives a killed harness).
func (p *process) start() error {
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = append(os.Environ(), p.env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if p.listen != "" {
		sock, err := p.listenerFile()
		if err != nil {
			return fmt.Errorf("start %s: %w", p.name, err)
		}
		defer sock.Close() // the child has its own copy
		cmd.ExtraFiles = []*os.File{sock}
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	r := &run{cmd: cmd, exited: make(chan struct{})}
	p.cur.Store(r)
	go p.wait(r, out)
	return nil
}

// listenerFile returns the process's listening socket as a file, for the
// child to inherit: the one held since its port was picked, else bound
// anew.
func (p *process) listenerFile() (*os.File, error) {
	ln := p.held.Swap(nil)
	if ln == nil {
		l, err := net.Listen("tcp", p.listen)
		if err != nil {
			return nil, fmt.Errorf("listen %s again: %w", p.listen, err)
		}
		ln = l.(*net.TCPListener)
	}
	defer ln.Close() // File returns a duplicate
	return ln.File()
}

// release closes the held listener of a process never started.
func (p *process) release() {
	if ln := p.held.Swap(nil); ln != nil {
		ln.Close()
	}
}

func (p *process) wait(r *run, out io.Reader) {
	p.log.follow(out)
	r.err = r.cmd.Wait()
	close(r.exited)
}

// running reports whether the process has not exited.
func (p *process) running() bool {
	r := p.cur.Load()
	return r != nil && !r.done()
}

// pid is the process id of the latest start (0 before the first).
func (p *process) pid() int {
	if r := p.cur.Load(); r != nil {
		return r.cmd.Process.Pid
	}
	return 0
}

// stop asks the process to terminate and kills it after grace.
func (p *process) stop(grace time.Duration) error {
	r := p.cur.Load()
	if r == nil || r.done() {
		return nil
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
		return p.exitError(r)
	case <-time.After(grace):
		_ = syscall.Kill(-r.cmd.Process.Pid, syscall.SIGKILL)
		<-r.exited
		return fmt.Errorf("%s did not stop within %s and was killed", p.name, grace)
	}
}

// kill ends the process at once (a crash, for fault scenarios).
func (p *process) kill() {
	if r := p.cur.Load(); r != nil && !r.done() {
		_ = syscall.Kill(-r.cmd.Process.Pid, syscall.SIGKILL)
		<-r.exited
	}
}

func (p *process) exitError(r *run) error {
	var exit *exec.ExitError
	if r.err == nil || (errors.As(r.err, &exit) && exit.ExitCode() == -1) {
		return nil // stopped by our signal
	}
	return fmt.Errorf("%s exited: %w\n%s", p.name, r.err, strings.Join(p.log.tail(20), "\n"))
}

// awaitHealthy polls url until it answers 200, the process exits, or ctx ends.
func (p *process) awaitHealthy(ctx context.Context, url string) error {
	r := p.cur.Load()
	tick := time.NewTicker(15 * time.Millisecond)
	defer tick.Stop()
	for {
		if healthy(ctx, url) {
			return nil
		}
		select {
		case <-r.exited:
			return fmt.Errorf("%s exited before it was ready: %v\n%s", p.name, r.err, strings.Join(p.log.tail(20), "\n"))
		case <-ctx.Done():
			return fmt.Errorf("%s not ready at %s: %w\n%s", p.name, url, ctx.Err(), strings.Join(p.log.tail(20), "\n"))
		case <-tick.C:
		}
	}
}
