#!/usr/bin/python3
"""Reference metrics for the fabric tests, computed with networkx.

Reads testdata/graphs.json (written by the Go test) and writes
testdata/networkx.json, which TestAgainstNetworkx compares with
Fabric.Metrics to 1e-9. The Go tests never run Python; run this only when
graphs.json changes:

    apt-get install -y python3-networkx python3-scipy   # Debian's packages
    go test ./model/fabric -run TestAgainstNetworkx -update
    /usr/bin/python3 model/fabric/testdata/networkx_reference.py

Definitions (networkx names):
  density                  nx.density(G)
  clustering               nx.average_clustering(G)
  path_length              nx.average_shortest_path_length of the largest
                           connected component (ties: smallest node)
  efficiency               nx.global_efficiency(G)
  algebraic_connectivity   nx.algebraic_connectivity(G, weight=None,
                           normalized=False), 0 if disconnected; checked
                           against numpy's dense eigvalsh to 1e-9
  articulation_points      sorted(nx.articulation_points(G))
  path_redundancy          nx.edge_connectivity(G), the minimum over pairs
                           of local edge connectivity
  path_redundancy_mean     mean over unordered pairs of
                           nx.connectivity.local_edge_connectivity(G, u, v)
"""

import itertools
import json
import os
import sys

import networkx as nx
import numpy as np
from networkx.algorithms.connectivity import local_edge_connectivity

HERE = os.path.dirname(os.path.abspath(__file__))


def reference(spec):
    g = nx.Graph()
    g.add_nodes_from(spec["nodes"])
    g.add_edges_from(spec["edges"])
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    largest = g.subgraph(comps[0])
    connected = len(comps) == 1
    lam = 0.0
    if connected and len(g) >= 2:
        lam = nx.algebraic_connectivity(g, weight=None, normalized=False, tol=1e-12, method="tracemin_lu")
        dense = np.linalg.eigvalsh(nx.laplacian_matrix(g, weight=None).toarray().astype(float))[1]
        if abs(lam - dense) > 1e-9:
            sys.exit(f"{spec['name']}: networkx {lam} and numpy {dense} disagree")
        lam = float(dense)
    pairs = [local_edge_connectivity(g, u, v) for u, v in itertools.combinations(sorted(g), 2)]
    return {
        "density": nx.density(g),
        "clustering": nx.average_clustering(g),
        "path_length": nx.average_shortest_path_length(largest),
        "efficiency": nx.global_efficiency(g),
        "algebraic_connectivity": lam,
        "articulation_points": sorted(nx.articulation_points(g)),
        "path_redundancy": nx.edge_connectivity(g),
        "path_redundancy_mean": sum(pairs) / len(pairs),
    }


def main():
    with open(os.path.join(HERE, "graphs.json")) as f:
        graphs = json.load(f)
    out = {"networkx_version": nx.__version__, "graphs": {}}
    for spec in graphs:
        out["graphs"][spec["name"]] = reference(spec)
        print(spec["name"], file=sys.stderr)
    with open(os.path.join(HERE, "networkx.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
