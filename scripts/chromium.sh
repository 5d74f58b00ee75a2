#!/usr/bin/env bash
# chromium.sh: make sure a Chromium (or Chrome) browser is on this machine,
# and print the path of its executable. The test that opens the living
# documentation in a headless browser (harness/report/browser_test.go) runs
# it to find one.
#
# The lookup order: $CHROME_BIN, then chromium, chromium-browser,
# google-chrome-stable, google-chrome, chrome and headless-shell on $PATH;
# the first that answers --version wins. When none does and this runs as
# root with apt-get, it installs the Debian package chromium (running
# `apt-get update` only when the package lists are empty or the first
# install fails) and looks again. Otherwise it says what to install and
# exits 1.
#
# Quiet and idempotent: when a browser is there, its path is the only
# output. Installer output goes to stderr, so `$(scripts/chromium.sh)` gets
# just the path.
set -euo pipefail

readonly PACKAGE=chromium
readonly NAMES=(chromium chromium-browser google-chrome-stable google-chrome chrome headless-shell)

# answers FILE: FILE is an executable that prints its version.
answers() {
	[[ -f $1 && -x $1 ]] && "$1" --version >/dev/null 2>&1
}

# find_browser: print the first browser that answers.
find_browser() {
	local name path
	for name in "${NAMES[@]}"; do
		if path=$(command -v "$name" 2>/dev/null) && answers "$path"; then
			echo "$path"
			return 0
		fi
	done
	return 1
}

missing() {
	cat >&2 <<-MSG
		chromium: no Chromium or Chrome found (looked at \$CHROME_BIN and for
		${NAMES[*]} on \$PATH). Install the Debian package $PACKAGE:
		apt-get install -y $PACKAGE (as root), or point CHROME_BIN at a Chromium
		or Chrome executable.
	MSG
	exit 1
}

main() {
	if [[ -n ${CHROME_BIN:-} ]]; then
		if answers "$CHROME_BIN"; then
			echo "$CHROME_BIN"
			return 0
		fi
		echo "chromium: CHROME_BIN=$CHROME_BIN does not answer --version; fix or unset it" >&2
		exit 1
	fi
	if find_browser; then
		return 0
	fi
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
		echo "chromium: installing the Debian package $PACKAGE" >&2
		"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" "$PACKAGE" || missing
		find_browser || missing
		return 0
	fi
	missing
}

main "$@"
