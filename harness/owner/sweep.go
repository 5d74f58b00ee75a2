package owner

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// SweepDirs removes the folders under parent whose names match pattern
// (filepath.Match) and whose marker names an owner that is gone. release,
// when not nil, first frees what the owner held outside the folder (such as
// shared memory); the folder is kept when it fails. Folders without a
// readable marker are someone else's and are left alone. SweepDirs returns
// the folders it removed and what went wrong.
func SweepDirs(parent, pattern string, release func(dir string) error) ([]string, error) {
	dirs, err := filepath.Glob(filepath.Join(parent, pattern))
	if err != nil {
		return nil, fmt.Errorf("sweep %s: %w", pattern, err)
	}
	var removed []string
	var errs []error
	for _, dir := range dirs {
		p, err := ReadMarker(dir)
		if err != nil || !p.Gone() {
			continue
		}
		if err := sweepDir(dir, release); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, dir)
	}
	return removed, errors.Join(errs...)
}

func sweepDir(dir string, release func(string) error) error {
	if release != nil {
		if err := release(dir); err != nil {
			return fmt.Errorf("sweep %s: %w", dir, err)
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("sweep %s: %w", dir, err)
	}
	return nil
}
