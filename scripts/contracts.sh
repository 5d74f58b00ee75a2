#!/usr/bin/env bash
# The Pact contracts (make contracts, make can-i-deploy).
#
#   scripts/contracts.sh [run]        build both test binaries at once, run the
#                                     consumers, publish (broker only), run the
#                                     providers; prints each package's result
#                                     and the total time
#   scripts/contracts.sh publish      only publish contracts/pacts (broker only)
#   scripts/contracts.sh can-i-deploy ask the broker whether PACTICIPANT (default:
#                                     every pacticipant of contracts/pacts) at this
#                                     commit can go to PACT_ENVIRONMENT
#
# The Makefile sets the cgo flags (libpact_ffi in .tools/pact/lib, which
# `make tools` installs); run without make, the same are the defaults.
#
#   CONTRACTS_RUN=regexp   passed to both binaries as -test.run: run only those
#                          tests (the consumers then keep the other pact files)
#   CONTRACTS_VERBOSE=1    -test.v, and print the tests' output even when they pass
#
# Broker (opt-in): with PACT_BROKER_BASE_URL set (and PACT_BROKER_USERNAME and
# PACT_BROKER_PASSWORD, or PACT_BROKER_TOKEN), the pacts are published after
# the consumers pass, with the commit as version and the branch, through the
# official pact CLI (scripts/pact-cli.sh installs it); the providers then
# verify the broker's pacts and publish their results (contracts/broker). The
# version and branch are `git rev-parse HEAD` and `git branch --show-current`,
# or PACT_APP_VERSION and PACT_BRANCH (a CI on a detached head). Without
# PACT_BROKER_BASE_URL nothing here touches the network: the local files are
# used and the pact CLI is neither fetched nor run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${CONTRACTS_OUT:-$root/.tools/contracts}
pacts=${CONTRACTS_PACT_DIR:-$root/contracts/pacts}
go=${GO:-go}
export PACT_DO_NOT_TRACK=${PACT_DO_NOT_TRACK:-true}
# The Makefile sets the cgo flags; these defaults are the same, for a run
# without make.
ffi=$root/.tools/pact/lib
export CGO_ENABLED=${CGO_ENABLED:-1} CGO_LDFLAGS=${CGO_LDFLAGS:-"-L$ffi -Wl,-rpath,$ffi"}

say() { echo "contracts: $*" >&2; }

# since START: the seconds elapsed since START ($EPOCHREALTIME), e.g. 1.234.
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }

# build: both test binaries in one go build (they link in parallel).
build() {
	local start=$EPOCHREALTIME
	mkdir -p "$out"
	(cd "$root" && "$go" test -tags pact -ldflags='-s -w' -c -o "$out/" ./contracts/consumer ./contracts/provider) || return
	echo "build	consumer.test provider.test	$(since "$start")s"
}

# run PKG: runs PKG's test binary in its package folder, as go test would,
# and prints go test's line for it (ok or FAIL, the time). Its output goes to
# $out/PKG.log, and to the terminal when it fails or CONTRACTS_VERBOSE is set.
run() {
	local pkg=$1 start=$EPOCHREALTIME rc=0 note=
	local log=$out/$pkg.log
	local args=(-test.count=1)
	[[ -n ${CONTRACTS_RUN:-} ]] && args+=("-test.run=$CONTRACTS_RUN")
	[[ -n ${CONTRACTS_VERBOSE:-} ]] && args+=(-test.v)
	(cd "$root/contracts/$pkg" && "$out/$pkg.test" "${args[@]}") >"$log" 2>&1 || rc=$?
	if ((rc != 0)) || [[ -n ${CONTRACTS_VERBOSE:-} ]]; then
		cat "$log"
	fi
	grep -q '^testing: warning: no tests to run' "$log" && note=' [no tests to run]'
	if ((rc == 0)); then
		echo "ok  	$module/contracts/$pkg	$(since "$start")s$note"
	else
		echo "FAIL	$module/contracts/$pkg	$(since "$start")s"
	fi
	return "$rc"
}

# revision: sets version and branch (the commit and the branch, or
# PACT_APP_VERSION and PACT_BRANCH).
revision() {
	version=${PACT_APP_VERSION:-$(git -C "$root" rev-parse HEAD)} || return
	branch=${PACT_BRANCH-$(git -C "$root" branch --show-current)} || return
}

# cli: prints the pact CLI to use: PACT_CLI, or the one scripts/pact-cli.sh
# installs (it fetches it when missing).
cli() {
	if [[ -n ${PACT_CLI:-} ]]; then
		echo "$PACT_CLI"
	else
		"$root/scripts/pact-cli.sh"
	fi
}

# publish: publishes the pact files to the broker, when one is configured.
# The credentials reach the CLI through the environment (PACT_BROKER_*),
# never its command line.
publish() {
	if [[ -z ${PACT_BROKER_BASE_URL:-} ]]; then
		say "no PACT_BROKER_BASE_URL: nothing published (the providers verify the local files)"
		return 0
	fi
	local pact version branch start=$EPOCHREALTIME
	pact=$(cli) || return
	revision || return
	local args=(broker publish "$pacts" --broker-base-url "$PACT_BROKER_BASE_URL" --consumer-app-version "$version")
	if [[ -n $branch ]]; then
		args+=(--branch "$branch")
	else
		say "warning: no branch (detached head?): publishing without one; set PACT_BRANCH"
	fi
	if [[ -z ${PACT_APP_VERSION:-} && -n $(git -C "$root" status --porcelain 2>/dev/null) ]]; then
		say "warning: the work tree has uncommitted changes: its pacts are published as commit $version"
	fi
	"$pact" "${args[@]}" || return
	echo "publish	$PACT_BROKER_BASE_URL	version $version${branch:+ branch $branch}	$(since "$start")s"
}

# pacticipants: every consumer and provider name of the pact files.
pacticipants() {
	local f
	for f in "$pacts"/*.json; do
		[[ -e $f ]] || continue
		# A pact file (pretty JSON, keys sorted): "consumer": {"name": ...} and
		# "provider": {"name": ...} at the top level.
		awk '/^  "(consumer|provider)": \{/ { want = 1; next }
			want && /"name":/ { sub(/^[^:]*: *"/, ""); sub(/".*$/, ""); print; want = 0 }' "$f"
	done | sort -u
}

# can_i_deploy: asks the broker whether each pacticipant at this commit can
# be deployed to PACT_ENVIRONMENT (default production).
can_i_deploy() {
	if [[ -z ${PACT_BROKER_BASE_URL:-} ]]; then
		say "can-i-deploy needs a Pact Broker: set PACT_BROKER_BASE_URL (and PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN)"
		return 2
	fi
	local pact version branch names name rc=0
	names=${PACTICIPANT:-$(pacticipants)}
	if [[ -z $names ]]; then
		say "no pacticipant: no pact file in $pacts and no PACTICIPANT"
		return 2
	fi
	pact=$(cli) || return
	revision || return
	for name in $names; do
		"$pact" broker can-i-deploy --broker-base-url "$PACT_BROKER_BASE_URL" \
			--pacticipant "$name" --version "$version" \
			--to-environment "${PACT_ENVIRONMENT:-production}" || rc=1
	done
	return "$rc"
}

# all: what make contracts does; a failing step stops the next ones. (The
# steps run in an && list, where set -e is off: each returns its failure.)
all() {
	local start=$EPOCHREALTIME rc=0 module
	module=$(cd "$root" && "$go" list -m) || return
	{ build && run consumer && publish && run provider; } || rc=$?
	echo "make contracts: $(since "$start") s"
	return "$rc"
}

case ${1:-run} in
run) all ;;
publish) publish ;;
can-i-deploy) can_i_deploy ;;
*)
	say "usage: $0 [run|publish|can-i-deploy]"
	exit 2
	;;
esac
