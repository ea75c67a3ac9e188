#!/usr/bin/env bash
# slurm-e2e.sh: run deploy/slurm/sweep-array.sbatch on a real, one-node
# Slurm cluster started for the test, as a user would submit it, and check
# what the unit tests cannot: that the array, SLURM_ARRAY_TASK_MIN/COUNT,
# the afterok merge, the log paths, --requeue with --resume and the merge
# glob work together.
#
#   scripts/slurm-e2e.sh            (as root; .ci/run calls it)
#
# It installs Debian's slurmd, slurmctld, slurm-client and munge if they
# are missing (apt-get), writes a slurm.conf into a temporary directory
# (SLURM_CONF), starts munged (as the munge user, with a random key and its
# own socket), slurmctld and slurmd, and checks:
#
#   1. the array and its merge give the bytes of the same sweep run
#      unsharded on this machine;
#   2. a task requeued while it runs (scontrol requeue; its esgtsim is
#      frozen first, so that it is still running for certain) resumes from
#      its journal: its log shows it ran fewer cells the second time, and the
#      merged bytes are still the unsharded ones;
#   3. a task that fails (a bad --param) leaves its merge pending forever
#      (DependencyNeverSatisfied), with the error in the task's log;
#   4. every daemon it started is stopped by its process id and the
#      temporary directory removed; no process of the test is left and
#      nothing was written where Slurm and munge keep state by default.
#
# It prints "SKIPPED: reason" and exits 0 when it cannot run (not root, no
# apt-get, packages not installable); ESGTSIM_REQUIRE_SLURM=1 makes a skip
# an error. SLURM_E2E_BENCH=1 also runs the sbatch script's own example
# sweep (3,000 cells) on the cluster and with "sweep -j" on this machine,
# and prints both rates.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
sbatch_script=$repo/deploy/slurm/sweep-array.sbatch
started=$SECONDS

say() { echo "== slurm e2e: [$((SECONDS - started)) s] $*"; }
fail() {
  echo "== slurm e2e: FAILED: $*" >&2
  exit 1
}
skip() {
  if [[ "${ESGTSIM_REQUIRE_SLURM:-}" == 1 ]]; then
    fail "cannot run ($*) and ESGTSIM_REQUIRE_SLURM=1"
  fi
  echo "== slurm e2e: SKIPPED: $*"
  exit 0
}

[[ "$(id -u)" == 0 ]] || skip "must run as root (it starts munged, slurmctld and slurmd)"
packages=(slurmd slurmctld slurm-client munge)
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null ||
  ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || skip "Slurm is not installed and there is no apt-get to install it"
  say "installing ${packages[*]}"
  apt() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"; }
  if ! apt install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
    apt update -qq >/dev/null 2>&1 || true
    apt install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 ||
      skip "apt-get could not install ${packages[*]}"
  fi
fi
command -v setpriv >/dev/null || skip "setpriv (util-linux) is missing"

state_since=$(date +%s)
tmp=$(mktemp -d /tmp/esgtsim-slurm.XXXXXX)
chmod 755 "$tmp"
export SLURM_CONF=$tmp/slurm.conf
daemons=() # "name pid", in start order

# stop_all cancels every job of this cluster, waits for them to leave the
# node, then stops the daemons this script started, newest first, by pid.
stop_all() {
  local rc=$? name pid i
  trap - EXIT
  set +e # clean up whatever fails
  if ((${#daemons[@]} > 1)); then
    scancel --quiet --user=root 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      [[ -z "$(squeue -h -o %i 2>/dev/null)" ]] && break
      sleep 0.1
    done
  fi
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
    read -r name pid <<<"${daemons[i]}"
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "== slurm e2e: $name (pid $pid) ignored SIGTERM for 10 s: SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  if ((rc != 0)) && [[ -d "$tmp" ]]; then
    for log in "$tmp"/*.log "$tmp"/munge/munged.log; do
      [[ -f "$log" ]] && { echo "--- tail of $log" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  rm -rf "$tmp"
  # 4. Nothing left: no process of the test running, nothing written to
  # the places Slurm and munge keep state by default.
  local left written
  left=$(for d in /proc/[0-9]*; do
    [[ "$(readlink "$d/cwd" 2>/dev/null)" == "$tmp"* ]] && echo -n "${d#/proc/} "
  done)
  written=$(find /etc/slurm /etc/munge /var/spool/slurm* /var/lib/slurm* /var/log/slurm* /run/slurm* \
    /var/lib/munge /var/log/munge /run/munge -newermt "@$state_since" 2>/dev/null | tr '\n' ' ')
  if [[ -n "$left$written" ]]; then
    echo "== slurm e2e: FAILED: left behind: ${left:+processes $left}${written:+files $written}" >&2
    ((rc != 0)) || rc=1
  elif ((rc == 0)); then
    say "4 ok: stopped ${#daemons[@]} daemons by pid, removed $tmp; no process or state left"
  fi
  say "$( ((rc == 0)) && echo passed || echo "failed (exit $rc)") in $((SECONDS - started)) s"
  exit "$rc"
}
trap stop_all EXIT
trap "exit 130" INT
trap "exit 143" TERM

# start NAME READY CMD...: start CMD in the background, in the foreground
# mode of the daemon (so $! is the daemon), and wait until READY succeeds.
start() {
  local name=$1 ready=$2
  shift 2
  "$@" >"$tmp/$name.out" 2>&1 &
  daemons+=("$name $!")
  for _ in $(seq 200); do
    if eval "$ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$!" 2>/dev/null || { cat "$tmp/$name.out" >&2; fail "$name exited at start"; }
    sleep 0.1
  done
  cat "$tmp/$name.out" >&2
  fail "$name not ready after 20 s"
}

# free_port prints a TCP port nothing listens on, from 20000 up.
free_port() {
  local p
  for ((p = ${1:-20000}; p < 30000; p++)); do
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  fail "no free port"
}

say "building esgtsim"
bin=$tmp/bin/esgtsim
(cd "$repo" && go build -o "$bin" ./cmd/esgtsim)

# munge: a random key, a socket and every file of its own under $tmp.
mkdir -p "$tmp/munge"
head -c 1024 /dev/urandom >"$tmp/munge/munge.key"
chmod 711 "$tmp/munge"
chmod 400 "$tmp/munge/munge.key"
chown -R munge:munge "$tmp/munge"
socket=$tmp/munge/munge.socket
start munged "munge -n -S $socket | unmunge -S $socket" \
  setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground \
  --key-file="$tmp/munge/munge.key" --socket="$socket" --pid-file="$tmp/munge/munged.pid" \
  --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/munged.seed"

host=$(hostname -s)
ctld_port=$(free_port 20000)
slurmd_port=$(free_port $((ctld_port + 1)))
mkdir -p "$tmp/state" "$tmp/spool"
cat >"$SLURM_CONF" <<EOF
ClusterName=esgtsim-e2e
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$socket,cred_expire=10
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
KillWait=5
MpiDefault=none
SchedulerParameters=sched_interval=1,bf_interval=1
MinJobAge=600
ReturnToService=2
$(slurmd -C | head -n 1) NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=e2e Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
start slurmctld "scontrol ping | grep -q UP" slurmctld -D -f "$SLURM_CONF"
start slurmd "sinfo -h -o %t | grep -qx idle" slurmd -D -f "$SLURM_CONF"
say "one-node cluster up: $(sinfo -h -o '%N %c CPUs %m MB %t') (Slurm $(sinfo -V | cut -d' ' -f2))"

# state JOBID: the job's state (PENDING, RUNNING, COMPLETED, FAILED...),
# and its reason after a space.
state() { scontrol show job -o "$1" | head -n 1 | sed -E 's/.*JobState=([A-Z_]+).*Reason=([^ ]+).*/\1 \2/'; }

# submit DIR ARGS: submit the array and its merge from DIR as a user would,
# with the sweep given in SWEEP_ARGS (or, with ARGS_FILE=1, in a
# SWEEP_ARGS_FILE, one argument per line); sets array and merge to their
# ids.
submit() {
  local dir=$1 args=$2 out file=
  mkdir -p "$dir"
  if [[ -n "${ARGS_FILE:-}" ]]; then
    file=$dir/sweep.args
    { echo "# the sweep, one argument per line"; echo; tr ' ' '\n' <<<"$args"; } >"$file"
    args=
  fi
  out=$(cd "$dir" && ESGTSIM=$bin RESULTS=$dir/results SWEEP_ARGS=$args SWEEP_ARGS_FILE=$file \
    SBATCH_ARRAY_INX=${ARRAY:-0-2} bash "$sbatch_script")
  [[ "$out" =~ submitted\ array\ ([0-9]+)\ and\ merge\ ([0-9]+) ]] || fail "unexpected submit output: $out"
  array=${BASH_REMATCH[1]} merge=${BASH_REMATCH[2]}
}

# wait_done JOBID SECONDS: wait until the job has ended; prints its state.
wait_done() {
  local s
  for _ in $(seq $(($2 * 10))); do
    s=$(state "$1")
    case $s in PENDING* | RUNNING* | COMPLETING* | CONFIGURING* | REQUEUED* | SUSPENDED*) sleep 0.1 ;; *)
      echo "$s"
      return
      ;;
    esac
  done
  fail "job $1 still ${s:-unknown} after $2 s"
}

# reference ARGS FILE: the unsharded sweep on this machine.
reference() {
  # shellcheck disable=SC2086 # ARGS is split at white space, as SWEEP_ARGS is
  "$bin" sweep $1 -j "$(nproc)" --out "$2" 2>/dev/null
}

# --- 1. sharded array + afterok merge = the unsharded sweep --------------
args1="latency --param triggers.refractory_period=10ms:100ms:10ms --param fabric.nodes=16,24 --seeds 1..6"
ARGS_FILE=1 submit "$tmp/c1" "$args1"
t0=$SECONDS
s=$(wait_done "$merge" 60)
[[ $s == COMPLETED* ]] || fail "1: merge job $merge ended $s; logs: $(tail -n 3 "$tmp"/c1/logs/* 2>&1)"
reference "$args1" "$tmp/ref1.csv"
cmp "$tmp/c1/results/sweep.csv" "$tmp/ref1.csv" || fail "1: merged sweep differs from the unsharded one"
[[ $(ls "$tmp"/c1/logs/esgtsim-sweep-"$array"_*.out | wc -l) == 3 ]] || fail "1: want one log per array task"
[[ $(scontrol show job -o "$merge" | wc -l) == 1 ]] || fail "1: the merge job $merge is not a single job"
say "1 ok: 3-task array $array (sweep from SWEEP_ARGS_FILE) and merge $merge: $(($(wc -l <"$tmp/ref1.csv") - 1)) rows, byte-identical to the unsharded sweep ($((SECONDS - t0)) s)"

# --- 2. a task requeued while it runs resumes from its journal -----------
args2="load-short --param triggers.refractory_period=10ms:200ms:10ms --seeds 1..20"
ARRAY=0-1 submit "$tmp/c2" "$args2"
task=${array}_0
journal=$tmp/c2/results/shard-0.csv.partial
for _ in $(seq 600); do
  # Wait until task 0 runs and has journaled some rows.
  [[ $(state "$task") == RUNNING* ]] && [[ -f "$journal" ]] && (($(wc -l <"$journal") > 5)) && break
  sleep 0.05
done
# Freeze the task's esgtsim so that it is still running, for certain, when
# the requeue reaches it: Slurm sends SIGCONT before SIGTERM.
sweep_pid=
for d in /proc/[0-9]*; do
  comm= && read -r comm <"$d/comm" 2>/dev/null && [[ $comm == esgtsim ]] || continue
  mapfile -d '' argv <"$d/cmdline" 2>/dev/null && [[ " ${argv[*]} " == *" $tmp/c2/results/shard-0.csv "* ]] &&
    sweep_pid=${d#/proc/}
done
[[ -n $sweep_pid ]] && kill -STOP "$sweep_pid" ||
  fail "2: task $task never seen running esgtsim with journaled rows: $(state "$task")"
scontrol requeue "$task"
say "2: froze task $task (esgtsim pid $sweep_pid) after $(($(wc -l <"$journal") - 1)) journaled rows and requeued it"
s=$(wait_done "$merge" 120)
[[ $s == COMPLETED* ]] || fail "2: merge job $merge ended $s"
reference "$args2" "$tmp/ref2.csv"
cmp "$tmp/c2/results/sweep.csv" "$tmp/ref2.csv" || fail "2: merged sweep differs from the unsharded one after a requeue"
log=$tmp/c2/logs/esgtsim-sweep-${array}_0.out
summary=$(grep -E 'esgtsim: sweep: [0-9]+ cells \([0-9]+ resumed' "$log" | tail -n 1)
[[ $summary =~ ([0-9]+)\ cells\ \(([0-9]+)\ resumed,\ ([0-9]+)\ run ]] || fail "2: no summary line in $log: $(cat "$log")"
cells=${BASH_REMATCH[1]} resumed=${BASH_REMATCH[2]} ran=${BASH_REMATCH[3]}
((resumed > 0 && ran < cells)) || fail "2: the requeued task did not resume from its journal: $summary"
kept=$(grep -E 'sweep interrupted: [0-9]+ of [0-9]+ cells finished' "$log") ||
  fail "2: the log of $task does not show the interrupted first run: $(cat "$log")"
[[ $kept =~ interrupted:\ ([0-9]+)\ of ]] && ((BASH_REMATCH[1] == resumed)) ||
  fail "2: the first run kept ${BASH_REMATCH[1]:-?} cells but the second resumed $resumed"
restarts=$(scontrol show job "$task" | grep -o 'Restarts=[0-9]*')
[[ $restarts == Restarts=1 ]] || fail "2: task $task: $restarts, want Restarts=1"
say "2 ok: task $task ran again ($restarts); its log: \"${kept#esgtsim: }\", then resumed $resumed of $cells cells and ran $ran; merged bytes identical"

# --- 3. a failing task: the merge never runs -----------------------------
args3="latency --param fabric.nodes=16,0 --seeds 1..2"
ARRAY=0-1 submit "$tmp/c3" "$args3"
s=$(wait_done "${array}_0" 30)
[[ $s == FAILED* ]] || fail "3: task ${array}_0 ended $s, want FAILED"
wait_done "${array}_1" 30 >/dev/null
for _ in $(seq 100); do
  s=$(state "$merge")
  [[ $s == *DependencyNeverSatisfied* ]] && break
  sleep 0.1
done
[[ $s == "PENDING DependencyNeverSatisfied" ]] || fail "3: merge job $merge is $s, want PENDING DependencyNeverSatisfied"
[[ ! -e $tmp/c3/results/sweep.csv ]] || fail "3: a merged file exists although a task failed"
grep -q 'fabric.nodes=0' "$tmp/c3/logs/esgtsim-sweep-${array}_0.out" ||
  fail "3: the task's log does not name the bad parameter: $(cat "$tmp/c3/logs/esgtsim-sweep-${array}_0.out")"
say "3 ok: task ${array}_0 FAILED, merge $merge pending (DependencyNeverSatisfied); its log says: $(head -n 1 "$tmp/c3/logs/esgtsim-sweep-${array}_0.out")"
scancel "$merge"

# --- optional: cells per second, cluster against sweep -j ---------------
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%d cells in %.1f s: %.0f cells/s", n, b - a, n / (b - a) }'; }
if [[ "${SLURM_E2E_BENCH:-}" == 1 ]]; then
  bench="latency --param triggers.refractory_period=10ms:200ms:10ms --param fabric.nodes=16,24,32 --seeds 1..50"
  t0=$(date +%s.%N)
  ARRAY=0-7 submit "$tmp/bench" "$bench"
  s=$(wait_done "$merge" 600)
  t1=$(date +%s.%N)
  [[ $s == COMPLETED* ]] || fail "bench: merge ended $s"
  cells=$(($(wc -l <"$tmp/bench/results/sweep.csv") - 1))
  say "bench: Slurm, 8-task array + merge, submit to merged file: $(rate "$cells" "$t0" "$t1")"
  t0=$(date +%s.%N)
  reference "$bench" "$tmp/bench.csv"
  t1=$(date +%s.%N)
  cmp -s "$tmp/bench.csv" "$tmp/bench/results/sweep.csv" || fail "bench: merged sweep differs from the unsharded one"
  say "bench: sweep -j $(nproc) on this machine: $(rate "$cells" "$t0" "$t1")"
fi
