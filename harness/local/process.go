package local

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// process is one child process of the harness.
type process struct {
	name   string
	bin    string
	args   []string
	env    []string
	log    *lineLog
	cmd    *exec.Cmd
	exited chan struct{}
	err    error
}

// start launches the process in its own process group (so a terminal's
// Ctrl-C reaches only the harness, which then stops it in order) with a
// parent-death signal (so it never outlives a killed harness).
func (p *process) start() error {
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = append(os.Environ(), p.env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	p.cmd, p.exited = cmd, make(chan struct{})
	go p.wait(out)
	return nil
}

func (p *process) wait(out io.Reader) {
	p.log.follow(out)
	p.err = p.cmd.Wait()
	close(p.exited)
}

// running reports whether the process has not exited.
func (p *process) running() bool {
	if p.exited == nil {
		return false
	}
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// stop asks the process to terminate and kills it after grace.
func (p *process) stop(grace time.Duration) error {
	if !p.running() {
		return nil
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		return p.exitError()
	case <-time.After(grace):
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.exited
		return fmt.Errorf("%s did not stop within %s and was killed", p.name, grace)
	}
}

// kill ends the process at once (a crash, for fault scenarios).
func (p *process) kill() {
	if p.running() {
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.exited
	}
}

func (p *process) exitError() error {
	var exit *exec.ExitError
	if p.err == nil || (errors.As(p.err, &exit) && exit.ExitCode() == -1) {
		return nil // stopped by our signal
	}
	return fmt.Errorf("%s exited: %w\n%s", p.name, p.err, strings.Join(p.log.tail(20), "\n"))
}

// awaitHealthy polls url until it answers 200, the process exits, or ctx ends.
func (p *process) awaitHealthy(ctx context.Context, url string) error {
	tick := time.NewTicker(15 * time.Millisecond)
	defer tick.Stop()
	for {
		if healthy(ctx, url) {
			return nil
		}
		select {
		case <-p.exited:
			return fmt.Errorf("%s exited before it was ready: %v\n%s", p.name, p.err, strings.Join(p.log.tail(20), "\n"))
		case <-ctx.Done():
			return fmt.Errorf("%s not ready at %s: %w\n%s", p.name, url, ctx.Err(), strings.Join(p.log.tail(20), "\n"))
		case <-tick.C:
		}
	}
}
