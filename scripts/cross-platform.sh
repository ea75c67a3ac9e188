#!/usr/bin/env bash
# cross-platform.sh: the README's "same bytes on every platform" promise,
# tested on scenarios nobody wrote. Generates random valid scenarios
# (scenarios.TestGeneratedScenarios: every frequency distribution,
# integrator, noise level, workload kind, salience mode and fault kind),
# runs them as GOAMD64=v1, GOAMD64=v3 and arm64 (under qemu-aarch64-static)
# builds, and requires their whole JSON reports to be byte-identical. Each
# leg also checks the pinned bits of the algebraic connectivity.
#
# Usage: scripts/cross-platform.sh [SEED]
# Without SEED a new one is drawn and printed, so that every CI run tries
# other scenarios; rerun with that SEED to reproduce a failure. A leg the
# machine cannot run (no v3 CPU, no qemu) is skipped with a message.
# GENERATED_COUNT sets how many scenarios (default 32).
set -euo pipefail
cd "$(dirname "$0")/.."

seed=${1:-$((($(date +%s) * 7919 + $$) % 1000000))}
count=${GENERATED_COUNT:-32}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "cross-platform: $count generated scenarios, seed $seed"

# leg NAME [ENV=VALUE]... [-- GO-TEST-FLAGS]: run the generated scenarios
# and the pinned spectral bits on one platform; reports go to $tmp/NAME.
leg() {
	local name=$1 env=() flags=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
	[ $# -gt 0 ] && shift && flags=("$@")
	if ! env "${env[@]}" go test -count=1 "${flags[@]}" -run '^TestAlgebraicConnectivityPinned$' ./model/fabric >"$tmp/log" 2>&1 ||
		! env "${env[@]}" go test -count=1 "${flags[@]}" -run '^TestGeneratedScenarios$' ./scenarios \
			-args -generated.seed "$seed" -generated.count "$count" -generated.out "$tmp/$name" >>"$tmp/log" 2>&1; then
		cat "$tmp/log" >&2
		echo "cross-platform: $name: tests failed (seed $seed)" >&2
		exit 1
	fi
	echo "cross-platform: $name: $(ls "$tmp/$name"/*.json | wc -l) reports"
}

leg amd64-v1 GOARCH=amd64 GOAMD64=v1
legs=()
if grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo; then
	leg amd64-v3 GOARCH=amd64 GOAMD64=v3
	legs+=(amd64-v3)
else
	echo "cross-platform: amd64-v3 skipped: this CPU cannot run v3 code"
fi
if qemu=$(command -v qemu-aarch64-static); then
	leg arm64 GOARCH=arm64 -- -exec "$qemu"
	legs+=(arm64)
else
	echo "cross-platform: arm64 skipped: qemu-aarch64-static is not installed"
fi

status=0
for other in "${legs[@]}"; do
	if ! diff -rq "$tmp/amd64-v1" "$tmp/$other" >"$tmp/diff"; then
		status=1
		echo "cross-platform: amd64-v1 and $other give different reports (seed $seed):" >&2
		grep -o '[0-9]*\.json' "$tmp/diff" | sort -u | while read -r f; do
			echo "--- scenario ${f%.json}:" >&2
			cat "$tmp/amd64-v1/${f%.json}.toml" >&2
			diff -u "$tmp/amd64-v1/$f" "$tmp/$other/$f" | head -40 >&2 || true
		done
	fi
done
if [ "$status" -ne 0 ]; then
	echo "cross-platform: reproduce with scripts/cross-platform.sh $seed" >&2
else
	echo "cross-platform: amd64-v1 ${legs[*]}: identical reports"
fi
exit "$status"
