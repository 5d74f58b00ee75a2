#!/usr/bin/env bash
# libxml2.sh: make sure cgo can build against libxml2 (its headers and the
# pkg-config file libxml-2.0), which the JUnit report's tests validate
# reports/junit.xml with (package harness/report/junitschema).
#
# The project's machines come with Debian's libxml2-dev and pkg-config, so
# this is usually a no-op. When they are missing and this runs as root with
# apt-get, it installs them (running `apt-get update` only when the package
# lists are empty or the first install fails); otherwise it says what to
# install and exits 1. Quiet when nothing is to be done; installer output
# goes to stderr.
set -euo pipefail

readonly PACKAGES=(libxml2-dev pkg-config)

present() {
	command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libxml-2.0
}

install_with_apt() {
	echo "libxml2: installing the Debian packages ${PACKAGES[*]}" >&2
	"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" "${PACKAGES[@]}"
}

missing() {
	cat >&2 <<-MSG
		libxml2: pkg-config finds no libxml-2.0; the JUnit schema tests build against
		libxml2 with cgo. Install the Debian packages ${PACKAGES[*]}:
		apt-get install -y ${PACKAGES[*]} (as root), or your system's libxml2
		development package and pkg-config.
	MSG
	exit 1
}

present && exit 0
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
	install_with_apt || missing
	present || missing
	exit 0
fi
missing
