#!/usr/bin/env python3
"""Summarize an esgtsim sweep CSV: one line per value of a swept parameter.

    scripts/summarize.py refractory.csv                  # by the first --param
    scripts/summarize.py refractory.csv --by fabric.nodes
    esgtsim sweep latency --param ... | scripts/summarize.py -

For each value it prints the number of cells, how many failed (non-empty
error column), the mean success rate and the mean of latency_p99_ms over
the cells that have one. Values come in the order the sweep ran them.
Standard library only.
"""

import argparse
import csv
import sys

FIGURES = "requests"  # the first column after the parameters


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", help="sweep output (CSV), or - for standard input")
    ap.add_argument("--by", help="parameter column to group by (default: the first)")
    args = ap.parse_args()

    f = sys.stdin if args.csv == "-" else open(args.csv, newline="")
    rows = csv.DictReader(f)
    cols = rows.fieldnames or []
    if "seed" not in cols or FIGURES not in cols:
        sys.exit(f"{args.csv}: not an esgtsim sweep CSV (merge shard files first)")
    params = cols[cols.index("seed") + 1 : cols.index(FIGURES)]
    by = args.by or (params[0] if params else "seed")
    if by not in cols:
        sys.exit(f"{args.csv}: no column {by!r}; parameters: {', '.join(params)}")

    groups = {}  # value -> [cells, failed, rates, p99s]; dicts keep order
    for row in rows:
        g = groups.setdefault(row[by], [0, 0, [], []])
        g[0] += 1
        if row["error"]:
            g[1] += 1
            continue
        if row["success_rate"]:
            g[2].append(float(row["success_rate"]))
        if row["latency_p99_ms"]:
            g[3].append(float(row["latency_p99_ms"]))

    def mean(xs):
        return f"{sum(xs) / len(xs):.4f}" if xs else "-"

    print(f"{by:>28} {'cells':>6} {'failed':>6} {'success_rate':>12} {'p99_ms':>10}")
    for value, (cells, failed, rates, p99s) in groups.items():
        print(f"{value:>28} {cells:>6} {failed:>6} {mean(rates):>12} {mean(p99s):>10}")


if __name__ == "__main__":
    main()
