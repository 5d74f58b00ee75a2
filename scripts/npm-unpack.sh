# npm_unpack PKG DIR: downloads the npm package PKG (name@version) with
# `npm pack` and unpacks it into DIR/package; on failure it says why (with
# the caller's say) and returns 1. Sourced by scripts/pact-ffi.sh and
# scripts/pact-cli.sh, which fetch the pact libraries' npm builds offline.
npm_unpack() {
	local pkg=$1 dir=$2
	say "trying the npm package $pkg"
	if ! (cd "$dir" && npm pack --silent "$pkg" >pack.log 2>&1); then
		say "FAILED: npm pack $pkg:"
		tail -n 5 "$dir/pack.log" | sed 's/^/    /' >&2
		return 1
	fi
	tar -xzf "$dir"/*.tgz -C "$dir"
}
