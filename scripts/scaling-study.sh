#!/usr/bin/env bash
# Scaling study of load-full (100 requests/s for 10 virtual minutes):
# wall time against fabric size and against request rate. Prints Markdown
# tables; the README's Performance section quotes them.
#
# Usage: scripts/scaling-study.sh [path/to/esgtsim]
set -euo pipefail
bin=${1:-}
if [ -z "$bin" ]; then
	bin=$(mktemp -d)/esgtsim
	go build -o "$bin" ./cmd/esgtsim
fi

# run prints "wall_s requests ignitions attempts" for load-full with overrides.
run() {
	local out
	out=$("$bin" run load-full --format json "$@" 2>/tmp/scaling.err)
	local wall
	wall=$(sed -n 's/.* in \([0-9.e+]*\) s wall.*/\1/p' /tmp/scaling.err)
	printf '%s' "$out" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(sys.argv[1], s["requests"]["total"], s["ignitions"]["count"], s["ignitions"]["attempts"])
' "$wall"
}

echo "| fabric nodes | wall s | requests | ignitions | attempts | ms per attempt |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in 32 100 316 1000 3162 10000; do
	read -r wall req ign att < <(run --set fabric.nodes=$n)
	printf "| %d | %.3f | %d | %d | %d | %.2f |\n" "$n" "$wall" "$req" "$ign" "$att" "$(python3 -c "print(1000*$wall/max($att,1))")"
done
echo
echo "| requests/s | wall s | requests | ignitions | attempts | µs per request |"
echo "|---:|---:|---:|---:|---:|---:|"
for r in 10 100 1000 10000; do
	read -r wall req ign att < <(run --set "workload[0].rate_hz=$r")
	printf "| %d | %.3f | %d | %d | %d | %.2f |\n" "$r" "$wall" "$req" "$ign" "$att" "$(python3 -c "print(1e6*$wall/max($req,1))")"
done
