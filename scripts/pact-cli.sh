#!/usr/bin/env bash
# Installs the official Pact CLI (`pact`: broker client, verifier, mock and
# stub servers in one static binary) into a project-local folder and prints
# the path of the binary.
#
#   scripts/pact-cli.sh             install when missing, print the binary
#   PACT_CLI_DIR=/some/dir ...      install there instead of .tools/pact/bin
#   PACT_CLI_VERSION=v0.10.3 ...    the release of the official route
#
# The broker steps use it (scripts/contracts.sh publish, make can-i-deploy)
# and so do the tests of their wiring (contracts/broker), which is why make
# tools installs it; the contract tests themselves link libpact_ffi
# (scripts/pact-ffi.sh). Without PACT_BROKER_BASE_URL it is never run
# against a broker.
#
# Route 1 (the official one): the release archive of pact-foundation/pact-cli
# for this platform (what its cargo-dist installer downloads), from GitHub.
# Route 2 (offline fallback): the same CLI as shipped in the npm package
# @pact-foundation/pact-cli-linux-x64 (standalone/pact).
# Never leaves an empty or truncated binary behind: it is written beside the
# target and renamed only once it is checked. Idempotent: a valid binary
# already in place is kept. Progress goes to stderr; stdout carries only the
# path of the binary.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${PACT_CLI_DIR:-$root/.tools/pact/bin}
bin=$dir/pact
version=${PACT_CLI_VERSION:-v0.10.3}
npm_pkg=@pact-foundation/pact-cli-linux-x64@18.1.2
min_bytes=1000000

say() { echo "pact-cli: $*" >&2; }

# valid FILE: a non-trivial executable ELF file that answers as the pact CLI.
valid() {
	local f=$1
	[[ -f $f ]] || return 1
	(($(stat -c %s "$f") > min_bytes)) || return 1
	[[ $(head -c 4 "$f" | od -An -c | tr -d ' ') == '177ELF' ]] || return 1
	"$f" broker --help 2>/dev/null | grep -q 'can-i-deploy' || return 1
}

# discard: remove anything at the target that is not a valid binary.
discard() {
	if [[ -e $bin ]] && ! valid "$bin"; then
		say "removing the invalid $bin ($(stat -c %s "$bin") bytes)"
		rm -f "$bin"
	fi
}

# place SRC: copy SRC beside the target, then rename it: the target is
# either absent or complete.
place() {
	cp "$1" "$part"
	chmod 0755 "$part"
	mv -f "$part" "$bin"
}

if [[ -x $bin ]] && valid "$bin"; then
	echo "$bin"
	exit 0
fi
mkdir -p "$dir"
discard
tmp=$(mktemp -d)
part=$bin.part.$$ # one per run: two installs at once never share it
trap 'rm -rf "$tmp" "$part"' EXIT

case "$(uname -s)-$(uname -m)" in
Linux-x86_64) target=x86_64-unknown-linux-musl ;;
Linux-aarch64) target=aarch64-unknown-linux-musl ;;
Darwin-arm64) target=aarch64-apple-darwin ;;
Darwin-x86_64) target=x86_64-apple-darwin ;;
*) target= ;;
esac

# Route 1: the release archive from GitHub.
if [[ -n $target && ${PACT_CLI_SKIP_OFFICIAL:-} == "" ]] && command -v curl >/dev/null 2>&1; then
	url=https://github.com/pact-foundation/pact-cli/releases/download/$version/pact-$target.tar.xz
	say "trying the official route: $url"
	if curl -fsSL --connect-timeout 10 --max-time "${PACT_CLI_TIMEOUT:-120}" -o "$tmp/pact.tar.xz" "$url" 2>"$tmp/curl.log" &&
		mkdir -p "$tmp/official" && tar -xJf "$tmp/pact.tar.xz" -C "$tmp/official" 2>>"$tmp/curl.log"; then
		src=$(find "$tmp/official" -type f -name pact | head -n 1)
		if [[ -n $src ]] && valid "$src"; then
			place "$src"
			say "installed $bin ($version) from the official release"
			echo "$bin"
			exit 0
		fi
		say "the official archive holds no valid pact binary"
	else
		say "the official route failed: $(tail -n 1 "$tmp/curl.log" 2>/dev/null)"
	fi
fi

# Route 2: the npm package that ships the same CLI (linux-x64 only).
if [[ $target != x86_64-unknown-linux-musl ]]; then
	say "FAILED: no pact CLI: the official download failed and the npm fallback is linux-x64 only (put a pact binary into $dir)"
	exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
	say "FAILED: no pact CLI: the official download failed and npm is not installed (apt-get install -y npm, or put a pact binary into $dir)"
	exit 1
fi
# shellcheck source=scripts/npm-unpack.sh
. "$root/scripts/npm-unpack.sh"
npm_unpack "$npm_pkg" "$tmp" || exit 1
if ! valid "$tmp/package/standalone/pact"; then
	say "FAILED: $npm_pkg has no valid standalone/pact"
	exit 1
fi
place "$tmp/package/standalone/pact"
say "installed $bin from $npm_pkg"
echo "$bin"
