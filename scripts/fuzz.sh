#!/usr/bin/env bash
# Every native Go fuzz target of the module (make fuzz), one after another:
# `go test -fuzz` takes one target of one package at a time.
#
#   FUZZTIME=10s   how long each target is fuzzed (go test -fuzztime)
#   FUZZ=regexp    only the targets whose name matches
#
# The targets are the `func FuzzXxx(f *testing.F)` of the module's test
# files. Prints each target, its result, its time and how many inputs it
# tried; each target's output is in .tools/fuzz/<package>.<target>.log and is
# printed when it fails. A finding fails the run once every target has run;
# go test has then written the failing input to the target's
# testdata/fuzz/<target>/: commit it with the fix, and it runs as a seed in
# every go test.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
go=${GO:-go}
fuzztime=${FUZZTIME:-10s}
filter=${FUZZ:-.}
logs=$root/.tools/fuzz
mkdir -p "$logs"

# "<package dir> <target>" for every fuzz target, tracked or new.
mapfile -t targets < <(git ls-files -co --exclude-standard -- '*_test.go' |
	xargs grep -H -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' |
	sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*#\1 \2#' | sort -u)

# deadline_race reports whether a failed run is Go's own race at the end of
# a -fuzztime duration (go.dev/issue/75804, fixed in Go 1.27): the target
# fails with a bare "context deadline exceeded" and no failing input was
# written. A real finding always writes its input.
deadline_race() {
	local log=$1 name=$2
	! grep -q 'Failing input written' "$log" &&
		grep -A1 -E "^--- FAIL: $name " "$log" | tail -1 | grep -qxE '[[:space:]]+context deadline exceeded'
}

start=$SECONDS ran=0 failed=0
for target in "${targets[@]}"; do
	read -r dir name <<<"$target"
	[[ $name =~ $filter ]] || continue
	log=$logs/${dir//\//_}.$name.log
	t0=$SECONDS
	printf '%-40s %-32s ' "./$dir" "$name"
	ran=$((ran + 1))
	note=""
	if "$go" test -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" "./$dir" >"$log" 2>&1; then
		result=ok
	elif deadline_race "$log" "$name"; then
		result=ok note="  (go.dev/issue/75804: go's coordinator missed its own FUZZTIME deadline; no input failed)"
	else
		result=FAIL failed=$((failed + 1))
	fi
	execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
	if [ "$result" = ok ] && [ "${execs:-0}" = 0 ]; then
		note="$note  (only the seeds: its set-up took the whole FUZZTIME)"
	fi
	printf '%-4s %4d s  %s inputs%s\n' "$result" $((SECONDS - t0)) "${execs:-0}" "$note"
	if [ "$result" = FAIL ]; then
		sed 's/^/    /' "$log" | tail -60
	fi
done

echo "make fuzz: $ran targets, $failed failed, FUZZTIME=$fuzztime each, $((SECONDS - start)) s"
if [ "$ran" -eq 0 ]; then
	echo "make fuzz: no fuzz target matches FUZZ=$filter" >&2
	exit 1
fi
[ "$failed" -eq 0 ]
