#!/usr/bin/env bash
# Scaling study of load-full (100 requests/s for 10 virtual minutes): wall
# time against fabric size, with a coupling strong enough to synchronise
# every size (K = 60), and against request rate (32 nodes, the scenario's
# own K = 14). Prints Markdown tables; docs/performance.md quotes them.
#
# Columns: wall and CPU seconds (user + system, from /usr/bin/time; CPU
# exceeds wall when a step is shared by several cores), peak resident
# memory, and for the size table the oscillator work: directed edges of
# the fabric (every ignition recruits every node), integration steps
# (estimated from the report: each successful ignition steps from the
# start of SYNCHRONIZE to the end of DISSOLVE, each timed-out attempt for
# the 300 ms timeout, at dt = 5 ms) and wall nanoseconds per edge-step.
#
# Usage: scripts/scaling-study.sh [path/to/esgtsim]
set -euo pipefail
bin=${1:-}
if [ -z "$bin" ]; then
	bin=$(mktemp -d)/esgtsim
	go build -o "$bin" ./cmd/esgtsim
fi
tmp=$(mktemp -d)

# run prints "wall cpu rss_mib requests ignitions attempts edges steps" for
# load-full with the given overrides.
run() {
	# a non-zero status (3) only says that some of the scenario's criteria
	# failed; /usr/bin/time then notes it on a line of its own
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$bin" run load-full --format json "$@" >"$tmp/out.json" 2>/dev/null || true
	python3 - "$tmp/time" "$tmp/out.json" <<'EOF'
import json, sys
wall, user, sys_, rss = open(sys.argv[1]).read().splitlines()[-1].split()
s = json.load(open(sys.argv[2]))
n = s["fabric"]["nodes"]
edges = 2 * s["fabric"]["edges"]
ok = s["requests"]["succeeded"]
lat = s["success_latency_ms"]["mean"] if ok else 0
timeouts = s["requests"]["failed"].get("sync_timeout", 0)
steps = (ok * (lat - 1) + timeouts * 300) / 5  # minus the 1 ms PREPARE
print(wall, float(user) + float(sys_), int(rss) / 1024, s["requests"]["total"],
      s["ignitions"]["count"], s["ignitions"]["attempts"], edges, round(steps))
EOF
}

echo "| fabric nodes | directed edges | wall s | CPU s | peak MiB | ignitions | attempts | steps ≈ | ns per edge-step |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 32 100 316 1000 3162 10000; do
	read -r wall cpu rss req ign att edges steps < <(run --set fabric.nodes=$n --set oscillator.coupling=60)
	printf "| %d | %d | %.2f | %.2f | %.0f | %d | %d | %d | %.2f |\n" "$n" "$edges" "$wall" "$cpu" "$rss" "$ign" "$att" "$steps" \
		"$(python3 -c "print(1e9*$wall/max($steps*$edges,1))")"
done
echo
echo "| requests/s | wall s | CPU s | peak MiB | requests | ignitions | attempts | µs per request |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in 10 100 1000 10000; do
	read -r wall cpu rss req ign att edges steps < <(run --set "workload[0].rate_hz=$r")
	printf "| %d | %.2f | %.2f | %.0f | %d | %d | %d | %.2f |\n" "$r" "$wall" "$cpu" "$rss" "$req" "$ign" "$att" \
		"$(python3 -c "print(1e6*$wall/max($req,1))")"
done
