package pgtemp

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mallbots/mallbots/system/platform/redact"
)

const (
	// readyLine is logged by the postmaster once it accepts connections.
	readyLine = "database system is ready to accept connections"
	// outputDrainTimeout bounds the wait for the last log lines after exit.
	outputDrainTimeout = 5 * time.Second
)

// errPortInUse means postgres exited because it could not bind its port.
var errPortInUse = errors.New("port already in use")

// postmaster is a running postgres process and the reader of its output.
type postmaster struct {
	cmd        *exec.Cmd
	logs       *logTail
	ready      chan struct{} // closed when readyLine was seen
	readyOnce  sync.Once
	exited     chan struct{} // closed when the process was reaped
	waitErr    error         // valid after exited is closed
	outputDone chan struct{} // closed when the output reader returned
}

// serverArgs are the postgres command-line arguments.
func serverArgs(dataDir, socketDir string, port int) []string {
	return []string{
		"-D", dataDir,
		"-p", strconv.Itoa(port),
		"-k", socketDir,
		"-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off",
		"-c", "full_page_writes=off",
		"-c", "max_connections=300",
		"-c", "shared_buffers=32MB",
		"-c", "lc_messages=C",
		// Dynamic shared memory as files in the data directory rather than
		// in /dev/shm: a killed server's go with its folder (see Sweep).
		"-c", "dynamic_shared_memory_type=mmap",
	}
}

// spawnPostgres starts postgres; its stdout and stderr go through one pipe
// to a reader goroutine that copies them to logw and watches for readiness.
func spawnPostgres(bins binaries, dataDir, socketDir string, port int, u runUser, logw io.Writer) (*postmaster, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bins.postgres, serverArgs(dataDir, socketDir, port)...)
	cmd.Dir = socketDir
	cmd.Env = childEnv()
	cmd.Stdout = pw
	cmd.Stderr = pw
	cmd.SysProcAttr = sysProcAttr(u)
	err = cmd.Start()
	_ = pw.Close() // the child has its own copy
	if err != nil {
		_ = pr.Close()
		return nil, fmt.Errorf("run %s: %w", bins.postgres, err)
	}
	p := &postmaster{
		cmd:        cmd,
		logs:       &logTail{},
		ready:      make(chan struct{}),
		exited:     make(chan struct{}),
		outputDone: make(chan struct{}),
	}
	go p.readOutput(pr, logw)
	go p.wait()
	return p, nil
}

func (p *postmaster) wait() {
	p.waitErr = p.cmd.Wait()
	close(p.exited)
}

func (p *postmaster) readOutput(r io.ReadCloser, logw io.Writer) {
	defer close(p.outputDone)
	defer r.Close()
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			line = redact.Text(line) // a statement in an error may quote a password
			_, _ = io.WriteString(logw, line)
			line = strings.TrimRight(line, "\r\n")
			p.logs.add(line)
			if strings.Contains(line, readyLine) {
				p.readyOnce.Do(func() { close(p.ready) })
			}
		}
		if err != nil {
			return
		}
	}
}

// waitReady waits until postgres logs readiness. If the process exits
// first, or ctx ends (then the process is killed), it returns an error
// with the last log lines; errPortInUse when the port was taken.
func (p *postmaster) waitReady(ctx context.Context) error {
	select {
	case <-p.ready:
		return nil
	case <-p.exited:
		p.drainOutput()
		err := fmt.Errorf("postgres exited before it was ready (%v); last log lines:\n%s", p.waitErr, p.logs)
		if p.logs.contains("could not bind", "Address already in use") {
			return errors.Join(errPortInUse, err)
		}
		return err
	case <-ctx.Done():
		p.kill()
		return fmt.Errorf("wait for postgres to be ready: %w; last log lines:\n%s", ctx.Err(), p.logs)
	}
}

// stop asks for a fast shutdown (SIGINT) and waits up to grace for the
// process to exit, then kills its process group.
func (p *postmaster) stop(grace time.Duration) error {
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("signal postgres: %w", err)
	}
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case <-p.exited:
		p.drainOutput()
		return nil
	case <-timer.C:
		p.kill()
		return fmt.Errorf("postgres did not shut down within %s and was killed; last log lines:\n%s", grace, p.logs)
	}
}

// kill sends SIGKILL to the process group and waits for the process.
func (p *postmaster) kill() {
	// Setpgid made the postmaster the leader of its own group, which
	// includes its backends. The group id stays reserved while the
	// postmaster is unreaped, which it is unless it exited just now.
	select {
	case <-p.exited:
	default:
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.exited
	}
	p.drainOutput()
}

// drainOutput waits (bounded) until every log line has been read, so that
// nothing is written to the log writer after Start or Stop returns.
func (p *postmaster) drainOutput() {
	timer := time.NewTimer(outputDrainTimeout)
	defer timer.Stop()
	select {
	case <-p.outputDone:
	case <-timer.C:
	}
}
