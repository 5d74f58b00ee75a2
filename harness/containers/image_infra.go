package containers

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"time"

	"github.com/mallbots/mallbots/harness/gocmd"
)

// natsModule is the module whose nats-server the local NATS image runs;
// its version is the one of go.mod's module graph.
const (
	natsModule         = "github.com/nats-io/nats-server/v2"
	natsDefaultVersion = "v2.15.2"
)

// localNATS returns the local NATS image, building it when build is set and
// it is missing ("" when it is missing and build is not set).
func (b *builder) localNATS(ctx context.Context, build bool) (string, error) {
	dockerfile, err := readFiles(filepath.Join(b.root, "deploy", "nats"), "Dockerfile")
	if err != nil {
		return "", fmt.Errorf("nats image: %w", err)
	}
	version := moduleVersion(filepath.Join(b.root, "go.mod"), natsModule, natsDefaultVersion)
	tag := contentTag("mallbots/nats", dockerfile, version, goruntime.GOARCH)
	if b.eng.imagePresent(ctx, tag) || !build {
		return present(b, ctx, tag), nil
	}
	bin, err := b.installNATS(ctx, version)
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		return "", err
	}
	files := append(dockerfile, file{name: "nats-server", mode: 0o755, data: data})
	return tag, b.buildImage(ctx, tag, files, nil)
}

// installNATS compiles nats-server (static) into the user's cache.
func (b *builder) installNATS(ctx context.Context, version string) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	gobin := filepath.Join(cache, "mallbots", "nats-"+version)
	begin := time.Now()
	// In os.TempDir(), outside any module: the version alone decides.
	out, err := gocmd.Output(ctx, os.TempDir(), []string{"CGO_ENABLED=0", "GOBIN=" + gobin}, "install", natsModule+"@"+version)
	if err != nil {
		return "", fmt.Errorf("go install nats-server %s: %w\n%s", version, err, out)
	}
	b.say("compiled nats-server %s in %s", version, time.Since(begin).Round(time.Millisecond))
	return filepath.Join(gobin, "nats-server"), nil
}

// localPostgres returns the local Postgres image, building it (and its
// Debian base) when build is set and it is missing.
func (b *builder) localPostgres(ctx context.Context, build bool) (string, error) {
	dir := filepath.Join(b.root, "deploy", "postgres")
	recipe, err := readFiles(dir, "build-base.sh")
	if err != nil {
		return "", fmt.Errorf("postgres image: %w", err)
	}
	base := contentTag("mallbots/postgres-base", recipe, goruntime.GOARCH)
	files, err := readFiles(dir, "Dockerfile", "docker-entrypoint.sh")
	if err != nil {
		return "", fmt.Errorf("postgres image: %w", err)
	}
	tag := contentTag("mallbots/postgres", files, base)
	if b.eng.imagePresent(ctx, tag) || !build {
		return present(b, ctx, tag), nil
	}
	if !b.eng.imagePresent(ctx, base) {
		if err := b.buildPostgresBase(ctx, filepath.Join(dir, "build-base.sh"), base); err != nil {
			return "", err
		}
	}
	return tag, b.buildImage(ctx, tag, files, map[string]string{"BASE": base})
}

// buildPostgresBase runs deploy/postgres/build-base.sh (debootstrap and
// docker import, about a minute).
func (b *builder) buildPostgresBase(ctx context.Context, script, tag string) error {
	b.say("building %s from Debian packages (debootstrap, about a minute)", tag)
	begin := time.Now()
	cmd := exec.CommandContext(ctx, "bash", script, tag)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("build the postgres base image: %w\n%s", err, tail(string(out), 20))
	}
	b.say("built %s in %s", tag, time.Since(begin).Round(time.Millisecond))
	b.note(tag)
	return nil
}

// present returns tag when the engine has it, else "".
func present(b *builder, ctx context.Context, tag string) string {
	if b.eng.imagePresent(ctx, tag) {
		return tag
	}
	return ""
}

// moduleVersion reads module's version from go.mod's require lines.
func moduleVersion(gomod, module, def string) string {
	f, err := os.Open(gomod)
	if err != nil {
		return def
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "require "))
		if len(fields) >= 2 && fields[0] == module {
			return fields[1]
		}
	}
	return def
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
