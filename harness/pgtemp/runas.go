package pgtemp

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// runUser is the operating-system user that runs initdb and postgres.
type runUser struct {
	name string
	uid  int
	gid  int
	// switchUser is true when the current process is root and the child
	// processes must run as another user.
	switchUser bool
}

// resolveRunUser returns the current user, or "nobody" when running as
// root, because PostgreSQL refuses to run as root.
func resolveRunUser() (runUser, error) {
	if os.Geteuid() != 0 {
		return runUser{name: "current user", uid: os.Geteuid(), gid: os.Getegid()}, nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return runUser{}, fmt.Errorf("postgres refuses to run as root and user nobody cannot be looked up: %w", err)
	}
	uid, err := strconv.Atoi(u.Uid)
	if err != nil {
		return runUser{}, fmt.Errorf("user nobody: uid %q: %w", u.Uid, err)
	}
	gid, err := strconv.Atoi(u.Gid)
	if err != nil {
		return runUser{}, fmt.Errorf("user nobody: gid %q: %w", u.Gid, err)
	}
	return runUser{name: "nobody", uid: uid, gid: gid, switchUser: true}, nil
}

// credential returns the credential for child processes, or nil to keep
// the current one.
func (u runUser) credential() *syscall.Credential {
	if !u.switchUser {
		return nil
	}
	// Empty Groups drops root's supplementary groups.
	return &syscall.Credential{Uid: uint32(u.uid), Gid: uint32(u.gid), Groups: []uint32{}}
}

// chown hands path over to the run user; a no-op when not switching users.
func (u runUser) chown(path string) error {
	if !u.switchUser {
		return nil
	}
	return os.Lchown(path, u.uid, u.gid)
}

// childEnv is the environment of initdb and postgres: the current one
// without PG* and locale variables, with the C locale so that messages
// (and the readiness line this package waits for) are in English.
func childEnv() []string {
	env := make([]string, 0, len(os.Environ())+2)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "PG") || strings.HasPrefix(name, "LC_") || name == "LANG" || name == "LANGUAGE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C", "LANG=C")
}

// checkReachable fails with a clear message when the run user cannot
// enter dir or one of its parents; postgres' own error would be cryptic.
// Only the owner and the "others" bits are considered.
func (u runUser) checkReachable(dir string) error {
	if !u.switchUser {
		return nil
	}
	for p := dir; ; p = filepath.Dir(p) {
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		owned := ok && int(st.Uid) == u.uid
		if !owned && info.Mode().Perm()&0o001 == 0 {
			return fmt.Errorf("postgres runs as %s, which cannot enter %s (mode %v): use a folder that others can enter, such as /tmp", u.name, p, info.Mode().Perm())
		}
		if parent := filepath.Dir(p); parent == p {
			return nil
		}
	}
}
