package containers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/moby/moby/api/types/image"
	"github.com/moby/moby/client"
)

// keepServiceImages is how many services images (the newest) survive a
// build: switching between a few branches reuses theirs, while every older
// one would only fill the disk, one image per code change.
const keepServiceImages = 3

// pruneImages removes the images of repo built by this project, but
// current, the newest others up to keep in all, and any a container still
// uses (the engine refuses those). It returns the tags removed.
func (e *Engine) pruneImages(ctx context.Context, repo, current string, keep int) ([]string, error) {
	f := client.Filters{}.Add("reference", repo).Add("label", labelApp+"=mallbots")
	list, err := e.cli.ImageList(ctx, client.ImageListOptions{Filters: f})
	if err != nil {
		return nil, fmt.Errorf("list %s images: %w", repo, err)
	}
	imgs := slices.DeleteFunc(list.Items, func(img image.Summary) bool { return slices.Contains(img.RepoTags, current) })
	slices.SortStableFunc(imgs, func(a, b image.Summary) int { return int(b.Created - a.Created) })
	var removed []string
	for _, img := range imgs[min(max(keep-1, 0), len(imgs)):] {
		for _, tag := range img.RepoTags {
			if !strings.HasPrefix(tag, repo+":") {
				continue
			}
			if _, err := e.cli.ImageRemove(ctx, tag, client.ImageRemoveOptions{}); err == nil {
				removed = append(removed, tag)
			} // else in use by a container (another run): kept
		}
	}
	return removed, nil
}
