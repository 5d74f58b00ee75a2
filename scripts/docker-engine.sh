#!/usr/bin/env bash
# docker-engine.sh: make sure a Docker engine answers `docker info`.
#
# When one already answers, this prints nothing and exits 0. Otherwise, when
# it runs as root on a Debian-like machine with apt-get, it installs the
# Debian package docker.io (running `apt-get update` only when the package
# lists are empty or the first install fails), starts dockerd in the
# background (log: $DOCKERD_LOG, default /var/log/mallbots-dockerd.log) and
# waits up to $DOCKERD_WAIT seconds (default 60) for it to answer; its flags
# are $DOCKERD_FLAGS (default --userland-proxy=false). Anything
# it cannot do, it says, and exits 1. Idempotent: run it as often as you like.
#
# The engine it starts cannot pull from a registry on machines without one;
# the containers runtime builds every image it needs locally (see deploy/).
set -euo pipefail

readonly PACKAGE=docker.io
readonly LOG=${DOCKERD_LOG:-/var/log/mallbots-dockerd.log}
readonly WAIT=${DOCKERD_WAIT:-60}
# --userland-proxy=false: published ports through iptables alone, without a
# docker-proxy process per port; container starts measured about twice as
# fast on a loaded 2-core machine, and 127.0.0.1:PORT still reaches them.
readonly DOCKERD_FLAGS=${DOCKERD_FLAGS:---userland-proxy=false}

say() { echo "docker-engine: $*" >&2; }

engine_answers() { docker info >/dev/null 2>&1; }

# install_with_apt: install docker.io, updating the lists only if needed.
install_with_apt() {
	say "installing the Debian package $PACKAGE"
	"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" "$PACKAGE"
}

# dockerd_running: a dockerd process exists (it may still be starting).
dockerd_running() { pgrep -x dockerd >/dev/null 2>&1; }

start_dockerd() {
	say "starting dockerd (log: $LOG)"
	mkdir -p "$(dirname "$LOG")"
	# setsid: the daemon outlives this script and is not hit by a
	# terminal's Ctrl-C aimed at the run that called it.
	setsid nohup dockerd $DOCKERD_FLAGS >>"$LOG" 2>&1 </dev/null &
}

# await_engine: poll `docker info` until it answers or WAIT seconds pass. A
# dockerd found on the way out (stopping when this script looked) is
# replaced once it is gone.
await_engine() {
	local deadline=$((SECONDS + WAIT))
	while ((SECONDS < deadline)); do
		if engine_answers; then
			return 0
		fi
		if ! dockerd_running && [[ $(id -u) -eq 0 ]]; then
			start_dockerd
		fi
		sleep 0.5
	done
	say "dockerd did not answer within ${WAIT}s; the last lines of $LOG:"
	tail -n 20 "$LOG" >&2 || true
	return 1
}

missing() {
	cat >&2 <<-MSG
		docker-engine: no Docker engine answers \`docker info\`, and $1.
		Install and start one (Debian: apt-get install -y $PACKAGE && dockerd &, as root),
		or point DOCKER_HOST at a running engine.
	MSG
	exit 1
}

main() {
	if engine_answers; then
		return 0
	fi
	if [[ -n ${DOCKER_HOST:-} ]]; then
		missing "DOCKER_HOST=$DOCKER_HOST is set (this script only starts a local engine)"
	fi
	if ! command -v dockerd >/dev/null 2>&1; then
		if [[ $(id -u) -ne 0 ]]; then
			missing "dockerd is not installed and installing it needs root"
		fi
		if ! command -v apt-get >/dev/null 2>&1; then
			missing "dockerd is not installed and this machine has no apt-get"
		fi
		install_with_apt || missing "installing $PACKAGE failed"
	fi
	if ! command -v docker >/dev/null 2>&1; then
		missing "the docker client is not on PATH"
	fi
	if ! dockerd_running; then
		if [[ $(id -u) -ne 0 ]]; then
			missing "dockerd is installed but not running, and starting it needs root"
		fi
		start_dockerd
	fi
	await_engine || missing "dockerd did not come up"
	say "engine up: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null)"
}

main "$@"
