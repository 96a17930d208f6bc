#!/usr/bin/env python3
"""Medians per benchmark and jar, and A / B: python3 summary.py [PREFIX] (from this folder; PREFIX micro-/sampler-
of others.sh, the default both, or recheck-)."""
import glob, json, statistics, collections, sys
A, B = "42075e9", "6e58191"
score = collections.defaultdict(lambda: collections.defaultdict(list))
alloc = collections.defaultdict(dict)
prefixes = sys.argv[1:] or ["micro-", "sampler-"]
for f in sorted(x for p in prefixes for x in glob.glob(p + "*.json")):
    v = f.split("-")[1]
    for r in json.load(open(f)):
        key = r["benchmark"].replace("org.girsanov.benchmarks.jmh.", "") + "".join(
            " %s=%s" % kv for kv in sorted(r.get("params", {}).items()) if kv[0] in ("sampler", "loss"))
        score[key][v].append((r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"]))
        sec = r.get("secondaryMetrics", {}).get("·gc.alloc.rate.norm")
        if sec:
            alloc[key][v] = sec["score"]
print("| benchmark | A %s | B %s | A / B (speed-up) | B alloc B/op |" % (A, B))
print("|---|---|---|---|---|")
for key in sorted(score):
    a = statistics.median(s for s, _ in score[key][A]); b = statistics.median(s for s, _ in score[key][B])
    unit = score[key][A][0][1]
    print("| %s | %.4g %s | %.4g %s | %.2f× | %s |" % (key, a, unit, b, unit, a / b,
          "%.0f" % alloc[key][B] if B in alloc[key] else "–"))
