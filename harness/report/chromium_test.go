package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// newBrowser starts headless Chromium for the test and returns its context.
// When the test ends (passed or not) the browser is closed, and the test
// fails if any process still uses its profile, a folder of t.TempDir.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	// Everything the browser writes stays in one temporary folder: the
	// profile, and what Chromium keeps under XDG folders (its crash reports
	// database, dconf).
	dir := t.TempDir()
	t.Cleanup(func() { assertNoProcessUses(t, dir) })

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Env("XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache")),
		// The page must open offline: a load from any host fails, and so the check.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to start its sandbox as root
	}
	var output bytes.Buffer
	opts = append(opts, chromedp.CombinedOutput(&output))
	// Not t.Context(): it ends before the cleanups, which would kill the
	// browser instead of closing it.
	ctx, cancelTimeout := context.WithTimeout(context.WithoutCancel(t.Context()), time.Minute)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browser, _ := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		if err := chromedp.Cancel(browser); err != nil {
			t.Logf("close the browser: %v", err)
		}
		cancelAlloc() // waits for the browser process to end
		cancelTimeout()
	})
	require.NoError(t, chromedp.Do(browser), "start %s; its output:\n%s", exe, &output)
	return browser
}

// chromium answers the browser's executable, from scripts/chromium.sh (which
// installs Debian's chromium when it is missing and it can). Outside CI a
// machine without one skips the test; CI (CI set, as .ci/run does) fails.
func chromium(t *testing.T) string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "chromium.sh"))
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd := exec.Command(script)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && os.Getenv("CI") == "" {
		t.Skipf("no Chromium to open the living doc in (scripts/chromium.sh: %v): run make tools, "+
			"or set CHROME_BIN; in CI this fails.\n%s", err, &stderr)
	}
	require.NoError(t, err, "scripts/chromium.sh:\n%s", &stderr)
	return strings.TrimSpace(string(out))
}

// assertNoProcessUses fails the test when a process still names dir in its
// command line once the browser is closed, and kills it. Chromium's helper
// processes end shortly after the browser: they get a few seconds.
func assertNoProcessUses(t *testing.T, dir string) {
	t.Helper()
	deadline := time.NewTimer(5 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond) // polling /proc: there is no event for it
	defer tick.Stop()
	for {
		left := processesUsing(dir)
		if len(left) == 0 {
			return
		}
		select {
		case <-deadline.C:
			for _, p := range left {
				_ = p.Kill()
			}
			t.Errorf("%d browser processes left running with the profile %s", len(left), dir)
			return
		case <-tick.C:
		}
	}
}

func processesUsing(dir string) []*os.Process {
	entries, _ := os.ReadDir("/proc")
	var out []*os.Process
	for _, e := range entries {
		var pid int
		if _, err := fmt.Sscan(e.Name(), &pid); err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !bytes.Contains(cmdline, []byte(dir)) {
			continue
		}
		if p, err := os.FindProcess(pid); err == nil {
			out = append(out, p)
		}
	}
	return out
}
