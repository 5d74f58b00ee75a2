package containers

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/api/pkg/stdcopy"
	"github.com/moby/moby/client"

	"github.com/mallbots/mallbots/system/platform/redact"
)

// Logs returns the last lines a container ("nats", a cluster's "nats-1"
// to "nats-3", "postgres", "smsprovider" or a service) wrote, stdout and
// stderr merged, with their secrets masked (package redact); it reads them from the engine, so they
// survive a restart of the container.
func (e *Env) Logs(service string, lines int) []string {
	c, err := e.container(service)
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := e.eng.tail(ctx, c.GetContainerID(), lines)
	if err != nil {
		return []string{"(no logs: " + err.Error() + ")"}
	}
	return out
}

// tail reads the last n lines of a container's log (all when n <= 0).
func (e *Engine) tail(ctx context.Context, id string, n int) ([]string, error) {
	opts := client.ContainerLogsOptions{ShowStdout: true, ShowStderr: true, Tail: "all"}
	if n > 0 {
		opts.Tail = strconv.Itoa(n)
	}
	rc, err := e.cli.ContainerLogs(ctx, id, opts)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	if _, err := stdcopy.StdCopy(&buf, &buf, rc); err != nil {
		return nil, err
	}
	return maskedLines(&buf)
}

// maskedLines splits a log into lines, masking their secrets.
func maskedLines(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		out = append(out, redact.Text(sc.Text()))
	}
	return out, sc.Err()
}

func isNotFound(err error) bool {
	return errdefs.IsNotFound(err) || errors.Is(err, errdefs.ErrNotFound)
}
