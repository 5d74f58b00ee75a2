package main_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/platform/msg"
)

// harness is the e2e command built for this test, run with a run id in its
// environment (inherited by every process it starts) and a temp folder of
// its own, so that leftovers can be found without confusing them with
// other tests' processes; seen is what its runs started and created.
type harness struct {
	bin, runID, tmp string
	seen            *footprint
}

// built is the e2e command, built once for every test (buildOnce).
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		_ = os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// build returns a harness for a test that starts the system, which runs
// alongside the other such tests: each run has its own run id and temp
// folder, by which its leftovers are told from theirs.
func build(t *testing.T) harness {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the whole system")
	}
	t.Parallel()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "e2e-selftest-bin-*"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "e2e")
		out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	require.NoError(t, built.err)
	tmp, err := os.MkdirTemp("", "e2e-selftest-*")
	require.NoError(t, err)
	require.NoError(t, os.Chmod(tmp, 0o755)) // Postgres runs as nobody and needs to enter it
	t.Cleanup(func() { _ = os.RemoveAll(tmp) })
	return harness{bin: built.bin, runID: "selftest-" + msg.NewID(), tmp: tmp, seen: newFootprint()}
}

func (h harness) command(args ...string) *exec.Cmd {
	cmd := exec.Command(h.bin, args...)
	cmd.Env = append(os.Environ(), "MALLBOTS_RUN_ID="+h.runID, "TMPDIR="+h.tmp, "NO_COLOR=1")
	return cmd
}

// output runs cmd to its end, watching what it starts, and returns its
// combined output.
func (h harness) output(cmd *exec.Cmd) ([]byte, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	h.seen.watch(cmd.Process.Pid)
	err := cmd.Wait()
	return out.Bytes(), err
}

// assertNothingLeft checks, once the watched runs have ended, that none of
// their processes is alive, that their Postgres folders and shared memory
// are gone and that the temp folder is empty.
func (h harness) assertNothingLeft(t *testing.T) {
	t.Helper()
	h.seen.wait()
	require.NotEmpty(t, h.seen.dirs, "the runs' Postgres was never seen: run them with h.output, or call h.seen.watch after Start")
	h.seen.assertGone(t)
	assert.Empty(t, processesWith(h.runID), "processes of the run still alive")
	entries, err := os.ReadDir(h.tmp)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Empty(t, names, "temp folders of the run left behind")
}

func processesWith(token string) []string {
	var found []string
	dirs, _ := filepath.Glob("/proc/[0-9]*/environ")
	for _, path := range dirs {
		data, err := os.ReadFile(path)
		if err == nil && bytes.Contains(data, []byte(token)) {
			cmdline, _ := os.ReadFile(strings.TrimSuffix(path, "environ") + "cmdline")
			found = append(found, strings.ReplaceAll(string(cmdline), "\x00", " "))
		}
	}
	return found
}

func TestFailingFeatureFailsTheRunAndExplainsWhy(t *testing.T) {
	h := build(t)
	reports := t.TempDir()
	cmd := h.command("run", "--features", "testdata/failing.feature", "--reports", reports, "--format", "pretty")
	out, err := h.output(cmd)
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the run must fail: %s", out)
	assert.Equal(t, 1, exit.ExitCode())
	text := string(out)
	for _, want := range []string{
		"expected a StoreParticipationEnabled message",             // what was expected
		"message timeline:", "mallbots.stores.events.StoreCreated", // what was seen
		"HTTP exchanges:", "POST http://",
		"last log lines of stores:", // the involved service's log
		"FAILED · 1 scenarios, 1 failed · runtime local", "environment up in",
	} {
		assert.Contains(t, text, want)
	}
	assert.FileExists(t, filepath.Join(reports, "cucumber.json"))
	junit, err := os.ReadFile(filepath.Join(reports, "junit.xml"))
	require.NoError(t, err)
	assert.Contains(t, string(junit), `failures="1"`)
	page, err := os.ReadFile(filepath.Join(reports, "living-doc.html"))
	require.NoError(t, err)
	assert.Contains(t, text, "living documentation: "+filepath.Join(reports, "living-doc.html"))
	for _, want := range []string{ // the failure, in the product owner's page
		`<article class="scenario failed"`, "<p>expected a StoreParticipationEnabled message",
		`>StoreCreated</text>`,
	} {
		assert.Contains(t, string(page), want)
	}
	h.assertNothingLeft(t)
}

func TestPassingRunCleansUp(t *testing.T) {
	h := build(t)
	out, err := h.output(h.command("run", "--features", "testdata/passing.feature", "--reports", t.TempDir()))
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "passed · 1 scenarios, 0 failed · runtime local")
	h.assertNothingLeft(t)
}

// TestPrettyOutputLocatesEachStepInSteps runs a feature with the pretty
// format and checks that each step names the line of steps/ that maps its
// pattern to a method, not the registry's wrapper.
func TestPrettyOutputLocatesEachStepInSteps(t *testing.T) {
	h := build(t)
	cmd := h.command("run", "--features", "testdata/passing.feature", "--reports", t.TempDir(), "--format", "pretty")
	out, err := h.output(cmd)
	require.NoError(t, err, "%s", out)
	text := string(out)
	assert.Regexp(t, `joins the mall\S*\s+\S*# stores\.go:\d+ -> `, text)
	assert.Regexp(t, `within 5 seconds\S*\s+\S*# messages\.go:\d+ -> `, text)
	assert.NotContains(t, text, "registry.go")
	assert.NotContains(t, text, "makeFuncStub")
	h.assertNothingLeft(t)
}

var endpoint = regexp.MustCompile(`http://127\.0\.0\.1:(\d+)`)

func TestCtrlCOnUpCleansUp(t *testing.T) {
	h := build(t)
	cmd := h.command("up")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	h.seen.watch(cmd.Process.Pid)
	ports := readEndpoints(t, stdout)
	require.NotEmpty(t, ports)
	require.NotEmpty(t, processesWith(h.runID), "the system runs while up")

	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	require.NoError(t, cmd.Wait(), "up exits cleanly on Ctrl-C")
	for _, port := range ports {
		conn, err := net.DialTimeout("tcp", "127.0.0.1:"+port, time.Second)
		if err == nil {
			conn.Close()
		}
		assert.Error(t, err, "port %s still open", port)
	}
	h.assertNothingLeft(t)
}

// TestRemoteRunsTheSafeScenariosAgainstUp starts the system with up and
// runs the remote runtime against the endpoints it printed.
func TestRemoteRunsTheSafeScenariosAgainstUp(t *testing.T) {
	h := build(t)
	up := h.command("up")
	stdout, err := up.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, up.Start())
	var endpoints []string
	readEndpointsWith(t, stdout, func(line string) {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "NATS":
			endpoints = append(endpoints, "nats="+f[1])
		case len(f) == 3 && f[0] == "SMS":
			endpoints = append(endpoints, "smsprovider="+f[2])
		case len(f) == 2 && strings.HasPrefix(f[1], "http://"):
			endpoints = append(endpoints, f[0]+"="+f[1])
		}
	})
	t.Cleanup(func() {
		_ = up.Process.Signal(syscall.SIGINT)
		_ = up.Wait()
	})
	run := h.command("run", "--runtime", "remote", "--features", "../../features", "--reports", t.TempDir())
	run.Env = append(run.Env, "MALLBOTS_REMOTE_ENDPOINTS="+strings.Join(endpoints, ","))
	out, err := run.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Regexp(t, `passed · [1-9]\d* scenarios, 0 failed · runtime remote`, string(out))
}

// readEndpoints reads up's output until its prompt and returns the ports.
func readEndpoints(t *testing.T, stdout interface{ Read([]byte) (int, error) }) []string {
	var ports []string
	readEndpointsWith(t, stdout, func(line string) {
		for _, m := range endpoint.FindAllStringSubmatch(line, -1) {
			ports = append(ports, m[1])
		}
	})
	return ports
}

// readEndpointsWith passes each line of up's output to see until its prompt.
func readEndpointsWith(t *testing.T, stdout interface{ Read([]byte) (int, error) }, see func(string)) {
	scanner := bufio.NewScanner(stdout)
	deadline := time.AfterFunc(2*time.Minute, func() { t.Error("up never printed its endpoints") })
	defer deadline.Stop()
	for scanner.Scan() {
		line := scanner.Text()
		see(line)
		if strings.Contains(line, "Press Ctrl-C") {
			go func() { _, _ = bufio.NewReader(stdout).WriteTo(discard{}) }()
			return
		}
	}
	require.NoError(t, errors.Join(scanner.Err(), fmt.Errorf("up ended before printing its prompt")))
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
