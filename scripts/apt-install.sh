#!/usr/bin/env bash
# apt-install.sh PACKAGE...: install Debian packages with apt-get, running
# `apt-get update` only when the package lists are empty or the first
# install fails. For the scripts that install what the project needs
# (ensure-postgres.sh, docker-engine.sh, libxml2.sh), which check first that
# they run as root on a machine with apt-get. All output goes to stderr.
set -euo pipefail

(($# > 0)) || {
	echo "usage: $0 PACKAGE..." >&2
	exit 2
}
export DEBIAN_FRONTEND=noninteractive
if compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null && apt-get install -y -qq "$@" >&2; then
	exit 0
fi
apt-get update -qq >&2
apt-get install -y -qq "$@" >&2
