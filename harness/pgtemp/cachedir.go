package pgtemp

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// resolveCacheDir returns a writable folder for the template cluster: the
// configured one, or os.UserCacheDir()/mallbots, or, when that is not
// writable, a private folder under os.TempDir().
func resolveCacheDir(configured string) (string, error) {
	dir := configured
	if dir == "" {
		if base, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(base, "mallbots")
		}
	}
	if dir != "" && ensureWritableDir(dir) == nil {
		return dir, nil
	}
	fallback := filepath.Join(os.TempDir(), fmt.Sprintf("mallbots-pgtemplate-%d", os.Geteuid()))
	if err := ensurePrivateDir(fallback); err != nil {
		return "", fmt.Errorf("cache dir %q not writable and fallback failed: %w", dir, err)
	}
	return fallback, nil
}

func ensureWritableDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	_ = f.Close()
	return os.Remove(name)
}

// ensurePrivateDir creates dir with mode 0700 and checks that it is a real
// folder owned by the current user, since os.TempDir() is shared.
func ensurePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !info.IsDir() || !ok || int(st.Uid) != os.Geteuid() || info.Mode().Perm()&0o022 != 0 {
		return errors.New(dir + " is not a private folder owned by the current user")
	}
	return ensureWritableDir(dir)
}
