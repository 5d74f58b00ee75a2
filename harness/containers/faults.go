package containers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"

	"github.com/mallbots/mallbots/harness/runtime"
)

var (
	_ runtime.Faults       = (*Env)(nil)
	_ runtime.BrokerPauser = (*Env)(nil)
)

// KillService kills a service's container at once (docker kill, SIGKILL),
// as a crash would; StartService brings it back.
func (e *Env) KillService(ctx context.Context, service string) error {
	if _, err := e.service(service); err != nil {
		return err
	}
	return e.signal(ctx, service, "KILL")
}

// StopDatabase shuts Postgres down in mode: SIGINT is its fast shutdown,
// SIGQUIT its immediate one (a crash: recovery runs at the next start).
// The container stops with it and keeps its data.
func (e *Env) StopDatabase(ctx context.Context, mode string) error {
	sig := map[string]string{runtime.ShutdownFast: "INT", runtime.ShutdownImmediate: "QUIT"}[mode]
	if sig == "" {
		return fmt.Errorf("stop postgres: mode %q, want %s or %s", mode, runtime.ShutdownFast, runtime.ShutdownImmediate)
	}
	if err := e.signal(ctx, postgresAlias, sig); err != nil {
		return err
	}
	return e.awaitExit(ctx, postgresAlias)
}

// StartDatabase starts the Postgres container again, on the same host
// port, and waits until it accepts connections.
func (e *Env) StartDatabase(ctx context.Context) error {
	id, err := e.containerID(postgresAlias)
	if err != nil {
		return err
	}
	if _, err := e.eng.cli.ContainerStart(ctx, id, client.ContainerStartOptions{}); err != nil {
		return fmt.Errorf("start postgres again: %w", err)
	}
	return awaitPostgres(ctx, e.DatabaseURL(), e.opts.readyTimeout)
}

// DatabaseURL is the run's database at its fixed host port.
func (e *Env) DatabaseURL() string {
	return fmt.Sprintf("postgres://%[1]s:%[1]s@127.0.0.1:%[2]d/%[1]s?sslmode=disable", pgCredential, e.hostPorts[postgresAlias])
}

// PauseBroker freezes the NATS container (every node of a cluster; docker
// pause): connections stay open and hang, unlike a stop.
func (e *Env) PauseBroker(ctx context.Context) error {
	return e.eachNATSNode(ctx, func(ctx context.Context, node string) error {
		id, err := e.containerID(node)
		if err != nil {
			return err
		}
		_, err = e.eng.cli.ContainerPause(ctx, id, client.ContainerPauseOptions{})
		return err
	})
}

// ResumeBroker thaws the NATS container (every node of a cluster).
func (e *Env) ResumeBroker(ctx context.Context) error {
	return e.eachNATSNode(ctx, func(ctx context.Context, node string) error {
		id, err := e.containerID(node)
		if err != nil {
			return err
		}
		_, err = e.eng.cli.ContainerUnpause(ctx, id, client.ContainerUnpauseOptions{})
		return err
	})
}

func (e *Env) containerID(name string) (string, error) {
	c, err := e.container(name)
	if err != nil {
		return "", err
	}
	return c.GetContainerID(), nil
}

func (e *Env) signal(ctx context.Context, name, sig string) error {
	id, err := e.containerID(name)
	if err != nil {
		return err
	}
	if _, err := e.eng.cli.ContainerKill(ctx, id, client.ContainerKillOptions{Signal: sig}); err != nil {
		return fmt.Errorf("signal %s (%s): %w", name, sig, err)
	}
	return nil
}

// awaitExit waits until the container has stopped.
func (e *Env) awaitExit(ctx context.Context, name string) error {
	id, err := e.containerID(name)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, stopGrace)
	defer cancel()
	res := e.eng.cli.ContainerWait(ctx, id, client.ContainerWaitOptions{Condition: container.WaitConditionNotRunning})
	select {
	case <-res.Result:
		return nil
	case err := <-res.Error:
		return fmt.Errorf("wait for %s to stop: %w", name, err)
	}
}

// awaitPostgres polls dsn until a connection succeeds.
func awaitPostgres(ctx context.Context, dsn string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		conn, err := pgx.Connect(ctx, dsn)
		if err == nil {
			return conn.Close(ctx)
		}
		last = err
		select {
		case <-ctx.Done():
			return errors.Join(fmt.Errorf("postgres not ready after %s", timeout), last)
		case <-tick.C:
		}
	}
}
