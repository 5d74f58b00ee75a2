package containers

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/moby/moby/api/types/build"
	"github.com/moby/moby/client"
)

// builder builds the images of deploy/ on the engine.
type builder struct {
	eng      *Engine
	root     string
	progress io.Writer

	mu    sync.Mutex
	built []string
}

func (b *builder) say(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	fmt.Fprintf(b.progress, "containers: "+format+"\n", args...)
}

func (b *builder) note(image string) {
	b.mu.Lock()
	b.built = append(b.built, image)
	b.mu.Unlock()
}

// file is one file of a build context.
type file struct {
	name string
	mode int64
	data []byte
}

// readFiles reads files from dir under their base names.
func readFiles(dir string, names ...string) ([]file, error) {
	var files []file
	for _, name := range names {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		info, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: name, mode: int64(info.Mode().Perm()), data: data})
	}
	return files, nil
}

// contentTag is repo:<first 12 hex digits of the hash of the files and
// extra strings>: the same inputs always give the same tag.
func contentTag(repo string, files []file, extra ...string) string {
	h := sha256.New()
	for _, s := range extra {
		fmt.Fprintf(h, "%d:%s\n", len(s), s)
	}
	for _, f := range files {
		fmt.Fprintf(h, "%s %o %d\n", f.name, f.mode, len(f.data))
		h.Write(f.data)
	}
	return repo + ":" + hex.EncodeToString(h.Sum(nil))[:12]
}

// buildImage builds tag from a context made of files (with a Dockerfile)
// on the classic builder, which every engine version has.
func (b *builder) buildImage(ctx context.Context, tag string, files []file, args map[string]string) error {
	begin := time.Now()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range files {
		hdr := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), ModTime: time.Unix(0, 0)}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	buildArgs := map[string]*string{}
	for k, v := range args {
		buildArgs[k] = &v
	}
	resp, err := b.eng.cli.ImageBuild(ctx, &buf, client.ImageBuildOptions{
		Tags: []string{tag}, Remove: true, ForceRemove: true, BuildArgs: buildArgs,
		Version: build.BuilderV1, Labels: map[string]string{labelApp: "mallbots"},
	})
	if err != nil {
		return fmt.Errorf("build %s: %w", tag, err)
	}
	defer resp.Body.Close()
	if err := buildErrors(resp.Body); err != nil {
		return fmt.Errorf("build %s: %w", tag, err)
	}
	if !b.eng.imagePresent(ctx, tag) {
		return fmt.Errorf("build %s: the engine reported success but has no such image", tag)
	}
	b.say("built %s in %s", tag, time.Since(begin).Round(time.Millisecond))
	b.note(tag)
	return nil
}

// buildErrors reads the build's JSON stream and returns its error, with the
// last lines of output for context.
func buildErrors(r io.Reader) error {
	dec := json.NewDecoder(r)
	var tail []string
	for {
		var m struct {
			Stream      string `json:"stream"`
			Error       string `json:"error"`
			ErrorDetail struct {
				Message string `json:"message"`
			} `json:"errorDetail"`
		}
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		if m.Stream != "" {
			tail = append(tail, m.Stream)
			if len(tail) > 15 {
				tail = tail[1:]
			}
		}
		if m.Error != "" {
			return fmt.Errorf("%s\n%s", m.Error, bytes.Join(toBytes(tail), nil))
		}
	}
}

func toBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}
