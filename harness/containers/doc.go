// Package containers is the harness's containers runtime, the CI gate: on a
// Docker engine, testcontainers-go starts NATS with JetStream (modules/nats),
// one Postgres (modules/postgres), the SMS provider stand-in and every
// service of the topology as containers on a network of their own for the
// run, reaching each other by network alias. Up returns once every container
// passes its wait strategy (HTTP /readyz for the services); the endpoints
// are host ports on 127.0.0.1, bound explicitly so that a stopped and
// restarted container (fault scenarios) keeps its address.
//
// Images come from the repository (deploy/): the system's image is built
// from static binaries, and where no registry is reachable the NATS and
// Postgres images are built locally too; each is tagged with the hash of its
// inputs and never rebuilt while they are unchanged (see images.go).
// MALLBOTS_NATS_IMAGE and MALLBOTS_POSTGRES_IMAGE choose the images: "auto"
// (the default), "local" (always the locally built one) or an image name.
//
// Ryuk, testcontainers' reaper, is off when its image is not available (it
// cannot be pulled without a registry), so the runtime cleans up itself:
// every container and the network carry the run's labels and are removed on
// Close, when Up fails and, through the caller's context, on Ctrl-C; Up
// starts by sweeping what runs killed before they could clean up left
// behind (their owning process is gone).
package containers
