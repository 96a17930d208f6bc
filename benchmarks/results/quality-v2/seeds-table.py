#!/usr/bin/env python3
"""The seeds table of the LV rows in BENCHMARKS.md (issue 13 asks mean ± std over 3 seeds): every row of this folder
evaluated at the published protocol (100 000 paths, 200 steps), one per (target, sampler, loss, seed), the latest part
winning. python3 seeds-table.py [ROW ...] with ROW like mw50/pis/lv (default: every LV row found)."""
import glob, json, re, statistics, sys
NAMES = {"manywell:d=5,w=5,delta=4": "mw5", "manywell:d=50,w=5,delta=2": "mw50", "funnel:d=10": "funnel10", "gmm9": "gmm9"}
KEYS = [("delta_logZ_lb", "lb"), ("delta_logZ_is", "rw"), ("ess", "ESS"), ("delta_std", "Δstd")]
BETTER = {"delta_logZ_lb": -1, "delta_logZ_is": -1, "ess": 1, "delta_std": -1}
rows = {}
def part(f):
    m = re.match(r"part(\d+)", f.split("/")[-1]); return int(m.group(1)) if m else -1
for f in sorted(glob.glob("part*.json"), key=part):
    try:
        d = json.load(open(f))
    except Exception:
        continue
    for r in d.get("rows", []):
        if r.get("paths") != 100000 or r.get("eval_steps") != 200 or "error" in r:
            continue
        key = "%s/%s/%s" % (NAMES.get(r["target"], r["target"]), r["sampler"], r["loss"])
        rows.setdefault(key, {})[int(r.get("seed", 0))] = (r, f)
wanted = sys.argv[1:] or sorted(k for k in rows if k.endswith("/lv"))
print("| row | seed 0 (lb / rw / ESS / Δstd) | seed 1 | seed 2 | mean ± std over seeds | published | at least as good? | parts |")
print("|---|---|---|---|---|---|---|---|")
def fmt(v):
    return "—" if v is None else "%.3f" % abs(v) if abs(v) >= 0.0005 or v == 0 else "%.1e" % abs(v)
for key in wanted:
    seeds = rows.get(key, {})
    cells, files = [], []
    for s in (0, 1, 2):
        if s in seeds:
            r, f = seeds[s]
            cells.append(" / ".join(fmt(r.get(k)) for k, _ in KEYS)); files.append(f.replace(".json", ""))
        else:
            cells.append("—")
    got = [seeds[s][0] for s in sorted(seeds)]
    stats = []
    for k, name in KEYS:
        vs = [abs(r[k]) for r in got if r.get(k) is not None]
        if vs:
            stats.append("%s %.3f ± %.3f" % (name, statistics.mean(vs), statistics.stdev(vs) if len(vs) > 1 else 0.0))
    pub = got[0]["published"] if got else {}
    verdict = []
    for k, name in KEYS:
        p = pub.get(k)
        vs = [abs(r[k]) for r in got if r.get(k) is not None]
        if p is None or not vs:
            continue
        m = statistics.mean(vs)
        if (BETTER[k] < 0 and m > abs(p)) or (BETTER[k] > 0 and m < p):
            verdict.append(name)
    print("| %s | %s | %s | %s | %s%s | %s | %s | %s |" % (key, cells[0], cells[1], cells[2], ", ".join(stats),
          "" if len(got) == 3 else " (%d seed%s)" % (len(got), "" if len(got) == 1 else "s"),
          " / ".join(fmt(pub.get(k)) for k, _ in KEYS), "yes" if not verdict else "no: " + ", ".join(verdict),
          ", ".join(files)))
