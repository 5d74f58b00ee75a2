#!/usr/bin/env bash
# build-base.sh TAG: build the base image of deploy/postgres/Dockerfile
# without a registry: a Debian bookworm rootfs with postgresql-15 from
# debootstrap (minbase), slimmed, then `docker import`ed as TAG.
#
# Needs root (debootstrap) and installs the debootstrap package with apt-get
# when it is missing. The mirror is the one apt uses on this machine
# (/etc/apt/sources.list*), else $DEBIAN_MIRROR, else deb.debian.org.
# Takes about a minute; the harness runs it only when TAG is not there yet.
set -euo pipefail

readonly TAG=${1:?usage: build-base.sh TAG}
readonly SUITE=bookworm
readonly PACKAGES=postgresql-15
rootfs=

say() { echo "postgres-base: $*" >&2; }

# apt_mirror: the first Debian archive URI apt is configured with.
apt_mirror() {
	local uri
	uri=$(grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
	if [[ -z $uri ]]; then
		uri=$(grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			awk '{for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' |
			grep -v -- '-security' | head -n1 || true)
	fi
	echo "${DEBIAN_MIRROR:-${uri:-http://deb.debian.org/debian}}"
}

ensure_debootstrap() {
	if command -v debootstrap >/dev/null 2>&1; then
		return 0
	fi
	if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
		say "debootstrap is missing; install it (apt-get install -y debootstrap, as root)"
		exit 1
	fi
	say "installing debootstrap"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq debootstrap >&2 || { apt-get update -qq >&2 && apt-get install -y -qq debootstrap >&2; }
}

main() {
	if [[ $(id -u) -ne 0 ]]; then
		say "building the Postgres base image needs root (debootstrap); or set MALLBOTS_POSTGRES_IMAGE to a postgres image you have"
		exit 1
	fi
	ensure_debootstrap
	local mirror
	mirror=$(apt_mirror)
	rootfs=$(mktemp -d "${TMPDIR:-/tmp}/mallbots-pg-rootfs.XXXXXX")
	trap 'rm -rf "${rootfs:?}"' EXIT
	say "debootstrap $SUITE ($PACKAGES) from $mirror"
	debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$mirror" >&2
	# What a server container never needs: package caches, docs, man pages,
	# locales other than C.UTF-8, the package's own cluster (the image makes
	# its own in $PGDATA).
	rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* \
		"$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
		"$rootfs"/usr/share/locale/* \
		"$rootfs"/var/lib/postgresql/15 "$rootfs"/etc/postgresql/15
	say "docker import $TAG"
	tar -C "$rootfs" -c . | docker import - "$TAG" >&2
}

main "$@"
