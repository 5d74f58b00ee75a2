#!/usr/bin/env bash
# Installs the Pact FFI library (libpact_ffi.so) that pact-go v2 links
# against into a project-local folder and prints that folder.
#
#   scripts/pact-ffi.sh            install when missing, print the folder
#   PACT_FFI_DIR=/some/dir ...     install there instead of .tools/pact/lib
#
# Route 1 (the official one): `pact-go install` from the pact-go version in
# go.mod, which downloads the library from GitHub.
# Route 2 (offline fallback): the same library as shipped in the npm package
# @pact-foundation/pact-core-linux-x64-glibc (prebuilds/linux-x64/).
# Never leaves an empty or truncated library behind: one on the linker's
# search path breaks every pact link with "undefined reference".
# Idempotent: a valid library already in place is kept.
# Progress goes to stderr; stdout carries only the folder.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${PACT_FFI_DIR:-$root/.tools/pact/lib}
lib=$dir/libpact_ffi.so
pact_go_version=v2.7.0
npm_pkg=@pact-foundation/pact-core-linux-x64-glibc@20.2.0 # ships libpact_ffi 0.5.8
min_bytes=1000000

say() { echo "pact-ffi: $*" >&2; }

# valid FILE: a non-trivial ELF shared object that exports the FFI.
valid() {
	local f=$1
	[[ -f $f ]] || return 1
	local size
	size=$(stat -c %s "$f")
	((size > min_bytes)) || return 1
	[[ $(head -c 4 "$f" | od -An -c | tr -d ' ') == '177ELF' ]] || return 1
	if command -v nm >/dev/null 2>&1; then
		nm -D --defined-only "$f" 2>/dev/null | grep -q ' pactffi_version$' || return 1
	fi
	return 0
}

# discard: remove anything at the target that is not a valid library.
discard() {
	if [[ -e $lib ]] && ! valid "$lib"; then
		say "removing the invalid $lib ($(stat -c %s "$lib") bytes)"
		rm -f "$lib"
	fi
}

if valid "$lib"; then
	echo "$dir"
	exit 0
fi
mkdir -p "$dir"
discard

case "$(uname -s)-$(uname -m)" in
Linux-x86_64) ;;
*) say "warning: only linux-x64 has an offline fallback here; trying the official route only" ;;
esac

# Route 1: pact-go install (needs github.com).
if [[ ${PACT_FFI_SKIP_OFFICIAL:-} == "" ]]; then
	say "trying the official route: pact-go $pact_go_version install --libDir $dir"
	if (cd "$root" && timeout "${PACT_FFI_TIMEOUT:-180}" go run "github.com/pact-foundation/pact-go/v2@$pact_go_version" install --libDir "$dir") >"$dir/.install.log" 2>&1 && valid "$lib"; then
		rm -f "$dir/.install.log"
		say "installed $lib through pact-go install"
		echo "$dir"
		exit 0
	fi
	say "the official route failed (last lines of its log):"
	tail -n 3 "$dir/.install.log" | sed 's/^/    /' >&2 || true
	rm -f "$dir/.install.log"
	discard
fi

# Route 2: the npm package that ships the same library.
if ! command -v npm >/dev/null 2>&1; then
	say "FAILED: no libpact_ffi: pact-go install could not download it and npm is not installed (apt-get install -y npm, or put a libpact_ffi.so 0.5.x into $dir)"
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=scripts/npm-unpack.sh
. "$root/scripts/npm-unpack.sh"
npm_unpack "$npm_pkg" "$tmp" || exit 1
src=$tmp/package/prebuilds/linux-x64/libpact_ffi.so
if ! valid "$src"; then
	say "FAILED: $npm_pkg has no valid prebuilds/linux-x64/libpact_ffi.so"
	exit 1
fi
# Copy beside, then rename: the target is either absent or complete.
cp "$src" "$lib.part"
chmod 0755 "$lib.part"
mv -f "$lib.part" "$lib"
say "installed $lib from $npm_pkg"
echo "$dir"
