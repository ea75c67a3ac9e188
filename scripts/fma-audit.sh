#!/usr/bin/env bash
# fma-audit.sh: fail if a function on esgtsim's simulation path contains a
# fused multiply-add instruction that scripts/fma-allow.txt does not excuse.
#
# The Go compiler fuses x*y+z into one instruction on arm64 always and on
# amd64 with GOAMD64=v3, which rounds once instead of twice: a run that
# takes such a path gives other bytes than a GOAMD64=v1 build. The model's
# code prevents it with explicit float64(x*y) conversions; this audit finds
# the places where that was forgotten, including code inlined from other
# packages.
#
# It builds esgtsim for arm64 and for amd64 with GOAMD64=v3, disassembles
# both, and checks every function of this module and every function of
# gonum, math and math/rand/v2 reachable from them by direct calls
# (indirect calls, through interfaces and function values, are not
# followed). Two packages are left out, because the README does not
# promise their output bit-identical across platforms: cmd/esgtsim/internal/plots
# (pictures) and inference (confidence intervals, p-values and
# stopping rules over replications, from gonum's distributions). The audit
# cannot see assembly kernels that sum in another order than their pure Go
# fallback (gonum's floats.Sum and Dot): code on the simulation path does
# not use them for non-integer data. arm64 is disassembled with `go tool objdump`; amd64 with
# GNU objdump, because Go's x86 disassembler does not decode the VEX FMA
# instructions (it prints them as MOVL), and `go tool addr2line` gives
# their source lines.
#
# Usage: scripts/fma-audit.sh   (exit 0 clean, 1 findings, 2 no GNU objdump)
# FMA_AUDIT_KEEP=1 keeps the disassembly in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

allow=scripts/fma-allow.txt
module=$(go list -m)
tmp=$(mktemp -d)
if [ -n "${FMA_AUDIT_KEEP:-}" ]; then # keep the disassembly for a closer look
	echo "fma-audit: keeping $tmp" >&2
else
	trap 'rm -rf "$tmp"' EXIT
fi

if ! command -v objdump >/dev/null; then
	echo "fma-audit: GNU objdump (binutils) is needed to decode amd64 FMA instructions" >&2
	exit 2
fi

GOOS=linux GOARCH=arm64 go build -o "$tmp/arm64" ./cmd/esgtsim
GOOS=linux GOARCH=amd64 GOAMD64=v3 go build -o "$tmp/amd64v3" ./cmd/esgtsim

# Each disassembly becomes lines of one form:
#   F <function>           a function starts
#   C <callee>             a direct call (or tail jump) to another function
#   X <where> <instr>      a fused multiply-add instruction
go tool objdump "$tmp/arm64" | awk -F'\t' '
	/^TEXT / { fn = $0; sub(/^TEXT /, "", fn); sub(/\(SB\).*$/, "", fn); print "F\t" fn; next }
	{
		n = 0
		for (i = 1; i <= NF; i++) if ($i != "") f[++n] = $i
		if (n < 4) next
		where = f[1]; gsub(/ /, "", where)
		split(f[4], w, " "); op = w[1]
		if (op ~ /^(F(N)?M(ADD|SUB)[DS]|V?FML[AS])$/) print "X\t" where "\t" f[4]
		else if ((op == "CALL" || op == "JMP") && w[2] ~ /\(SB\)$/) { c = w[2]; sub(/\(SB\)$/, "", c); print "C\t" c }
	}' >"$tmp/arm64.flat"

objdump -d --no-show-raw-insn "$tmp/amd64v3" | awk '
	/^[0-9a-f]+ <.*>:$/ { fn = $0; sub(/^[0-9a-f]+ </, "", fn); sub(/>:$/, "", fn); print "F\t" fn; next }
	/^ +[0-9a-f]+:\t/ {
		addr = $1; sub(/:$/, "", addr); op = $2
		if (op ~ /^vf(n)?m(add|sub)/) { ins = $0; sub(/^[^\t]*\t/, "", ins); gsub(/ +/, " ", ins); print "X\t0x" addr "\t" ins }
		else if ((op == "call" || op == "jmp") && match($0, /<[^>+]*>$/)) print "C\t" substr($0, RSTART + 1, RLENGTH - 2)
	}' >"$tmp/amd64v3.flat"

# Source lines for the amd64 findings.
awk -F'\t' '$1 == "X" { print $2 }' "$tmp/amd64v3.flat" | go tool addr2line "$tmp/amd64v3" |
	awk 'NR % 2 == 0 { sub(/^.*\//, ""); print }' >"$tmp/amd64v3.lines"
awk -F'\t' 'NR == FNR { line[++n] = $0; next } $1 == "X" { $2 = line[++k] } { print }' OFS='\t' \
	"$tmp/amd64v3.lines" "$tmp/amd64v3.flat" >"$tmp/amd64v3.flat2"
mv "$tmp/amd64v3.flat2" "$tmp/amd64v3.flat"

status=0
for leg in arm64 amd64v3; do
	awk -F'\t' -v leg="$leg" -v module="$module" -v allowfile="$allow" '
		# pkg returns the import path of a symbol: type parameters and
		# the receiver and function names removed.
		function pkg(s,   p, slash) {
			gsub(/\[[^]]*\]/, "", s)
			slash = match(s, /.*\//) ? RLENGTH : 0
			p = index(substr(s, slash + 1), ".")
			return p ? substr(s, 1, slash + p - 1) : s
		}
		function root(p) { return index(p, module) == 1 && p != module "/cmd/esgtsim/internal/plots" && p != module "/inference" }
		function followed(p) { return root(p) || p ~ /^gonum\.org\/v1\/gonum\// || p == "math" || p == "math/rand/v2" }
		BEGIN {
			while ((getline l < allowfile) > 0) {
				if (l ~ /^[ \t]*(#|$)/) continue
				split(l, a, /[ \t]+/)
				reason = l; sub(/^[^ \t]+[ \t]*/, "", reason)
				if (reason == "") { print "fma-audit: " allowfile ": " a[1] ": no reason given" > "/dev/stderr"; bad = 1 }
				allowed[a[1]] = 1
			}
		}
		$1 == "F" { fn = $2; fns[fn] = 1; next }
		$1 == "C" { if (followed(pkg($2))) calls[fn, ++ncalls[fn]] = $2; next }
		$1 == "X" { total++; fused[fn]++; where[fn] = where[fn] "\n        " $2 "  " $3 }
		END {
			if (total == 0) { print "fma-audit: " leg ": no fused instruction anywhere in the binary: has the disassembler output changed?" > "/dev/stderr"; exit 1 }
			# Reachability from the roots over direct calls.
			for (f in fns) if (root(pkg(f))) { seen[f] = 1; queue[++qn] = f }
			for (q = 1; q <= qn; q++) {
				f = queue[q]
				for (i = 1; i <= ncalls[f]; i++) { g = calls[f, i]; if (!(g in seen)) { seen[g] = 1; queue[++qn] = g } }
			}
			for (f in seen) {
				if (!(f in fused)) continue
				if (f in allowed) { print "allowed\t" f; continue }
				printf "fma-audit: %s: %s: %d fused multiply-add(s):%s\n", leg, f, fused[f], where[f] > "/dev/stderr"
				bad = 1
			}
			exit bad
		}' "$tmp/$leg.flat" >"$tmp/$leg.allowed" || status=1
	awk -F'\t' '{ print $2 }' "$tmp/$leg.allowed" >>"$tmp/used"
done

# An entry that excuses nothing on either leg must go, so that the list
# stays a list of real exceptions.
while read -r fn _; do
	case "$fn" in '' | '#'*) continue ;; esac
	if ! grep -qxF -- "$fn" "$tmp/used"; then
		echo "fma-audit: $allow: $fn has no fused instruction on the simulation path any more: remove the entry" >&2
		status=1
	fi
done <"$allow"

if [ "$status" -eq 0 ]; then
	echo "fma-audit: no unexcused fused multiply-add on the simulation path (arm64, amd64 v3; $(sort -u "$tmp/used" | grep -c . || true) allowed)"
else
	echo "fma-audit: round each product with an explicit float64(x*y) conversion, or add the function to $allow with the reason it cannot change a result" >&2
fi
exit "$status"
