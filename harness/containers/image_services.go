package containers

import (
	"context"
	"fmt"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"time"

	"github.com/mallbots/mallbots/harness/gocmd"
)

// services returns the system's image: ref when given, else the image of
// deploy/services built from static binaries of the module. The binaries
// are always (re)built, a no-op for Go when nothing changed; the image only
// when their hash differs from every image already here.
func (b *builder) services(ctx context.Context, ref string) (string, error) {
	if ref != "" {
		if !b.eng.imagePresent(ctx, ref) {
			return "", fmt.Errorf("services image %s (MALLBOTS_SERVICES_IMAGE) is not on the engine", ref)
		}
		return ref, nil
	}
	dir := filepath.Join(b.root, "bin", "linux-static")
	if err := b.buildStatic(ctx, dir); err != nil {
		return "", err
	}
	files, err := readFiles(filepath.Join(b.root, "deploy", "services"), "Dockerfile")
	if err != nil {
		return "", fmt.Errorf("services image: %w", err)
	}
	bins, err := readFiles(dir, "mallbots", "smsprovider")
	if err != nil {
		return "", fmt.Errorf("services image: %w", err)
	}
	files = append(files, bins...)
	tag := contentTag("mallbots/services", files)
	if b.eng.imagePresent(ctx, tag) {
		return tag, nil
	}
	if err := b.buildImage(ctx, tag, files, nil); err != nil {
		return "", err
	}
	b.pruneOlder(ctx, "mallbots/services", tag)
	return tag, nil
}

// pruneOlder removes older images of repo after tag was built, saying
// which; a failure to list them is only reported.
func (b *builder) pruneOlder(ctx context.Context, repo, tag string) {
	removed, err := b.eng.pruneImages(ctx, repo, tag, keepServiceImages)
	if err != nil {
		b.say("%v", err)
	} else if len(removed) > 0 {
		b.say("removed %d older %s images (keeping the newest %d): %s", len(removed), repo, keepServiceImages, strings.Join(removed, ", "))
	}
}

// buildStatic compiles mallbots and smsprovider for Linux without cgo, so
// that they run on scratch.
func (b *builder) buildStatic(ctx context.Context, dir string) error {
	begin := time.Now()
	env := []string{"CGO_ENABLED=0", "GOOS=linux", "GOARCH=" + goruntime.GOARCH}
	if out, err := gocmd.Output(ctx, b.root, env, "build", "-o", dir+string(filepath.Separator),
		"./cmd/mallbots", "./cmd/smsprovider"); err != nil {
		return fmt.Errorf("build the static binaries: %w\n%s", err, out)
	}
	if d := time.Since(begin); d > 5*time.Second {
		b.say("compiled the static binaries in %s", d.Round(time.Millisecond))
	}
	return nil
}
