package containers

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/sync/errgroup"
)

// The public images used where a registry is reachable.
const (
	PublicNATS     = "nats:2.10"
	PublicPostgres = "postgres:15"
)

// Image choices (MALLBOTS_NATS_IMAGE, MALLBOTS_POSTGRES_IMAGE).
const (
	// Auto takes the public image when it is here or can be pulled, else
	// the locally built one.
	Auto = "auto"
	// Local always takes the locally built image.
	Local = "local"
)

// ImageConfig says which images a run uses: Auto, Local or an image
// reference for NATS and Postgres; for the services, empty (build from the
// module) or an image reference holding /mallbots and /smsprovider.
type ImageConfig struct {
	NATS     string
	Postgres string
	Services string
}

// ImageConfigFromEnv reads MALLBOTS_NATS_IMAGE, MALLBOTS_POSTGRES_IMAGE and
// MALLBOTS_SERVICES_IMAGE; NATS and Postgres default to Auto.
func ImageConfigFromEnv() ImageConfig {
	return ImageConfig{
		NATS:     envOr("MALLBOTS_NATS_IMAGE", Auto),
		Postgres: envOr("MALLBOTS_POSTGRES_IMAGE", Auto),
		Services: os.Getenv("MALLBOTS_SERVICES_IMAGE"),
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// Images are the images a run starts, and what preparing them cost.
type Images struct {
	Services string
	NATS     string
	Postgres string
	// Built lists the images that had to be built or pulled this time.
	Built []string
	Took  time.Duration
}

// PrepareImages makes sure every image of cfg is on the engine, building
// (from the module at root) or pulling what is missing, and returns their
// references. Unchanged inputs mean no build: each built image is tagged
// with the hash of its inputs and looked up first.
func PrepareImages(ctx context.Context, eng *Engine, root string, cfg ImageConfig, progress io.Writer) (Images, error) {
	begin := time.Now()
	b := &builder{eng: eng, root: root, progress: progress}
	var imgs Images
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) {
		imgs.Services, err = b.services(gctx, cfg.Services)
		return err
	})
	g.Go(func() (err error) {
		imgs.NATS, err = b.choose(gctx, "nats", cfg.NATS, PublicNATS, b.localNATS)
		return err
	})
	g.Go(func() (err error) {
		imgs.Postgres, err = b.choose(gctx, "postgres", cfg.Postgres, PublicPostgres, b.localPostgres)
		return err
	})
	if err := g.Wait(); err != nil {
		return Images{}, fmt.Errorf("prepare images: %w", err)
	}
	imgs.Built, imgs.Took = b.built, time.Since(begin)
	return imgs, nil
}

// choose resolves one infrastructure image. Auto prefers, in order: the
// public image already here, the local image already built for the current
// inputs, the public image pulled, the local image built now. So a machine
// with a registry never builds, and one without tries to pull only once.
func (b *builder) choose(ctx context.Context, what, choice, public string, local func(context.Context, bool) (string, error)) (string, error) {
	switch choice {
	case Local:
		return local(ctx, true)
	case Auto, "":
	default: // an image reference: here, else pulled
		if b.eng.imagePresent(ctx, choice) {
			return choice, nil
		}
		if err := b.eng.pull(ctx, choice); err != nil {
			return "", fmt.Errorf("%s image %s: %w", what, choice, err)
		}
		b.note(choice + " (pulled)")
		return choice, nil
	}
	if b.eng.imagePresent(ctx, public) {
		return public, nil
	}
	if ref, err := local(ctx, false); err != nil || ref != "" {
		return ref, err
	}
	if err := b.eng.pull(ctx, public); err == nil {
		b.note(public + " (pulled)")
		return public, nil
	} else {
		b.say("%s: %v; building a local %s image", public, err, what)
	}
	return local(ctx, true)
}
