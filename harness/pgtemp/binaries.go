package pgtemp

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// installHint tells the reader how to get the PostgreSQL server binaries.
const installHint = "install the Debian package postgresql: apt-get install -y postgresql, or run `make tools`"

// debianRoot holds one folder per installed PostgreSQL major version on
// Debian and Ubuntu.
const debianRoot = "/usr/lib/postgresql"

// binaries are the PostgreSQL server programs used by this package.
type binaries struct {
	dir      string
	postgres string
	initdb   string
	major    int
}

// binariesCache remembers lookups by $PG_BINDIR and $PATH, since running
// pg_config costs about 20 ms.
var binariesCache sync.Map

// findBinaries locates postgres and initdb in one folder, looking at
// $PG_BINDIR, `pg_config --bindir`, the highest /usr/lib/postgresql/*/bin
// and $PATH, in that order.
func findBinaries(ctx context.Context) (binaries, error) {
	key := os.Getenv("PG_BINDIR") + "\x00" + os.Getenv("PATH")
	if b, ok := binariesCache.Load(key); ok {
		return b.(binaries), nil
	}
	b, err := lookupBinaries(ctx)
	if err != nil {
		return binaries{}, err
	}
	binariesCache.Store(key, b)
	return b, nil
}

func lookupBinaries(ctx context.Context) (binaries, error) {
	dir, err := findBinDir(ctx)
	if err != nil {
		return binaries{}, err
	}
	b := binaries{
		dir:      dir,
		postgres: filepath.Join(dir, "postgres"),
		initdb:   filepath.Join(dir, "initdb"),
	}
	b.major, err = serverMajor(ctx, b.postgres)
	if err != nil {
		return binaries{}, err
	}
	return b, nil
}

func findBinDir(ctx context.Context) (string, error) {
	if dir := os.Getenv("PG_BINDIR"); dir != "" {
		if err := checkBinDir(dir); err != nil {
			return "", fmt.Errorf("PG_BINDIR=%s: %w; fix PG_BINDIR or unset it, or %s", dir, err, installHint)
		}
		return dir, nil
	}
	var tried []string
	for _, c := range binDirCandidates(ctx) {
		err := checkBinDir(c.dir)
		if err == nil {
			return c.dir, nil
		}
		tried = append(tried, fmt.Sprintf("%s (%s): %v", c.dir, c.source, err))
	}
	msg := "PostgreSQL server binaries postgres and initdb not found"
	if len(tried) > 0 {
		msg += " (" + strings.Join(tried, "; ") + ")"
	} else {
		msg += " ($PG_BINDIR unset, no pg_config, no " + debianRoot + "/*/bin, nothing in $PATH)"
	}
	return "", fmt.Errorf("%s: %s", msg, installHint)
}

type binDirCandidate struct {
	dir    string
	source string
}

func binDirCandidates(ctx context.Context) []binDirCandidate {
	var out []binDirCandidate
	if dir, ok := pgConfigBinDir(ctx); ok {
		out = append(out, binDirCandidate{dir, "pg_config --bindir"})
	}
	if dir, ok := highestDebianBinDir(); ok {
		out = append(out, binDirCandidate{dir, debianRoot})
	}
	if path, err := exec.LookPath("postgres"); err == nil {
		out = append(out, binDirCandidate{filepath.Dir(path), "$PATH"})
	}
	return out
}

func pgConfigBinDir(ctx context.Context) (string, bool) {
	path, err := exec.LookPath("pg_config")
	if err != nil {
		return "", false
	}
	out, err := exec.CommandContext(ctx, path, "--bindir").Output()
	if err != nil {
		return "", false
	}
	dir := strings.TrimSpace(string(out))
	return dir, dir != ""
}

// highestDebianBinDir returns the bin folder of the highest major version
// under /usr/lib/postgresql that has the server binaries.
func highestDebianBinDir() (string, bool) {
	entries, err := os.ReadDir(debianRoot)
	if err != nil {
		return "", false
	}
	type version struct {
		name  string
		value float64
	}
	var versions []version
	for _, e := range entries {
		v, err := strconv.ParseFloat(e.Name(), 64)
		if err == nil && e.IsDir() {
			versions = append(versions, version{e.Name(), v})
		}
	}
	slices.SortFunc(versions, func(a, b version) int { return cmp.Compare(b.value, a.value) })
	for _, v := range versions {
		dir := filepath.Join(debianRoot, v.name, "bin")
		if checkBinDir(dir) == nil {
			return dir, true
		}
	}
	return "", false
}

// checkBinDir reports what is missing for dir to hold postgres and initdb.
func checkBinDir(dir string) error {
	var missing []string
	for _, name := range []string{"postgres", "initdb"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return errors.New("no executable " + strings.Join(missing, " and "))
	}
	return nil
}

var versionRe = regexp.MustCompile(`\(PostgreSQL\)\s+(\d+)`)

// serverMajor returns the major version of the postgres binary (for 9.x,
// the first number only, which is enough for the feature checks here).
func serverMajor(ctx context.Context, postgres string) (int, error) {
	out, err := exec.CommandContext(ctx, postgres, "--version").Output()
	if err != nil {
		return 0, fmt.Errorf("%s --version: %w", postgres, err)
	}
	m := versionRe.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("%s --version: unrecognised output %q", postgres, strings.TrimSpace(string(out)))
	}
	major, err := strconv.Atoi(string(m[1]))
	if err != nil {
		return 0, fmt.Errorf("%s --version: %w", postgres, err)
	}
	return major, nil
}
