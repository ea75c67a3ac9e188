#!/bin/sh
# sweep-refractory.sh: success rate and latency of the built-in latency
# scenario against the refractory period, on one machine, three ways:
#
#   scripts/sweep-refractory.sh            one sweep on every core (the usual way)
#   scripts/sweep-refractory.sh xargs      shards run by xargs -P, then merged
#   scripts/sweep-refractory.sh parallel   shards run by GNU parallel, then merged
#
# All three write the same bytes to $OUT (default refractory.csv) and then
# print the mean success rate and p99 latency per refractory period, with
# their confidence intervals (esgtsim summarize).
# Shards on one machine only pay off when each process is limited to one
# core or when you want to stop and restart shards independently; a single
# sweep already uses every core.
#
# Environment: ESGTSIM (the binary; default: esgtsim on PATH, else built
# from this repository), OUT, SHARDS (default: the number of cores),
# SEEDS (default 1..20), PERIODS (default 10ms:200ms:10ms).
set -eu

mode=${1:-single}
here=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-refractory.csv}
SEEDS=${SEEDS:-1..20}
PERIODS=${PERIODS:-10ms:200ms:10ms}
SHARDS=${SHARDS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}

if [ -z "${ESGTSIM:-}" ]; then
  if command -v esgtsim >/dev/null 2>&1; then
    ESGTSIM=esgtsim
  else
    ESGTSIM=$(mktemp -d)/esgtsim
    (cd "$here/.." && go build -o "$ESGTSIM" ./cmd/esgtsim)
  fi
fi
export ESGTSIM

# The sweep, as arguments after "esgtsim sweep".
set -- latency --param "triggers.refractory_period=$PERIODS" --seeds "$SEEDS"

case $mode in
single)
  # --resume: after Ctrl-C, run the script again to finish the sweep.
  "$ESGTSIM" sweep "$@" --out "$OUT" --resume
  ;;
xargs|parallel)
  if [ "$mode" = parallel ] && ! command -v parallel >/dev/null 2>&1; then
    echo "GNU parallel is not installed; use: $0 xargs" >&2
    exit 1
  fi
  dir=$OUT.shards
  mkdir -p "$dir"
  # Each shard is one process on one core, writing its own file; rerunning
  # resumes unfinished shards and redoes nothing that finished.
  if [ "$mode" = xargs ]; then
    seq 0 $((SHARDS - 1)) | xargs -P "$SHARDS" -I{} \
      "$ESGTSIM" sweep "$@" -j 1 --shard "{}/$SHARDS" --out "$dir/shard-{}.csv" --resume
  else
    parallel -j "$SHARDS" --halt now,fail=1 \
      "$ESGTSIM" sweep "$@" -j 1 --shard "{}/$SHARDS" --out "$dir/shard-{}.csv" --resume \
      ::: $(seq 0 $((SHARDS - 1)))
  fi
  "$ESGTSIM" merge "$dir"/shard-*.csv --out "$OUT"
  rm -r "$dir"
  ;;
*)
  echo "usage: $0 [single|xargs|parallel]" >&2
  exit 2
  ;;
esac

"$ESGTSIM" summarize "$OUT" --metric success_rate,latency_p99_ms
