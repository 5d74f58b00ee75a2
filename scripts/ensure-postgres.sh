#!/usr/bin/env bash
# ensure-postgres.sh: make sure the PostgreSQL server binaries (postgres and
# initdb, in one folder) are on this machine, and print that folder.
#
# The lookup order is the one of harness/pgtemp: $PG_BINDIR, then
# `pg_config --bindir`, then the highest /usr/lib/postgresql/*/bin, then
# $PATH. When nothing is found and this runs as root with apt-get, it
# installs the Debian package postgresql (running `apt-get update` only when
# the package lists are empty or the first install fails) and looks again.
# Otherwise it says what to install and exits 1.
#
# Quiet and idempotent: when the binaries are there, the folder is the only
# output. Installer output goes to stderr, so `$(scripts/ensure-postgres.sh)`
# gets just the folder.
set -euo pipefail

readonly PACKAGE=postgresql
readonly DEBIAN_ROOT=/usr/lib/postgresql

# has_server DIR: DIR holds executable postgres and initdb files.
has_server() {
	local dir=$1
	[[ -n $dir && -f $dir/postgres && -x $dir/postgres && -f $dir/initdb && -x $dir/initdb ]]
}

# find_bindir: print the first folder with the server binaries.
find_bindir() {
	local dir
	if command -v pg_config >/dev/null 2>&1; then
		dir=$(pg_config --bindir 2>/dev/null || true)
		if has_server "$dir"; then
			echo "$dir"
			return 0
		fi
	fi
	if [[ -d $DEBIAN_ROOT ]]; then
		while read -r dir; do
			if has_server "$dir"; then
				echo "$dir"
				return 0
			fi
		done < <(find "$DEBIAN_ROOT" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -rV | sed "s|^|$DEBIAN_ROOT/|; s|\$|/bin|")
	fi
	if dir=$(command -v postgres 2>/dev/null) && has_server "$(dirname "$dir")"; then
		dirname "$dir"
		return 0
	fi
	return 1
}

# install_with_apt: install the package, updating the lists only if needed.
install_with_apt() {
	echo "ensure-postgres: installing the Debian package $PACKAGE" >&2
	"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" "$PACKAGE"
}

missing() {
	cat >&2 <<-MSG
		ensure-postgres: PostgreSQL server binaries postgres and initdb not found
		(looked in \$PG_BINDIR, pg_config --bindir, $DEBIAN_ROOT/*/bin and \$PATH).
		Install the Debian package $PACKAGE: apt-get install -y $PACKAGE (as root),
		or point PG_BINDIR at a folder holding postgres and initdb.
	MSG
	exit 1
}

main() {
	if [[ -n ${PG_BINDIR:-} ]]; then
		if has_server "$PG_BINDIR"; then
			echo "$PG_BINDIR"
			return 0
		fi
		echo "ensure-postgres: PG_BINDIR=$PG_BINDIR holds no executable postgres and initdb; fix or unset it" >&2
		exit 1
	fi
	if find_bindir; then
		return 0
	fi
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
		install_with_apt || missing
		find_bindir || missing
		return 0
	fi
	missing
}

main "$@"
