#!/usr/bin/env python3
"""The BENCHMARKS.md table of this folder's runs (python3 table.py): the same columns as ../pde-2026-12-02/table.py,
plus the closed form's spread for every problem whose u(., 0) has one (RMS error / sd(u) on the evaluation points is
computed from rel L2 only for heat, where sd(u) is known in closed form)."""
import json, os
order = ["heat50-vr", "heat50-plain30k", "heat100-vr", "heat100-plain30k", "heat10-spacetime",
         "gbm10-plain", "gbm10-vr", "gbm50-plain", "gbm100-plain", "param10-plain"]
print("| problem | d | loss | iters | rel L² | RMS err / sd(u) | rel L∞ | CPU s (wall s) | Var Y₀ plain → reduced | MC paths/pt | MC rel L² | MC rel L∞ | commit |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
here = os.path.dirname(os.path.abspath(__file__))
for name in order:
    f = os.path.join(here, name + ".json")
    if not os.path.exists(f):
        continue
    r = json.load(open(f))
    mc = r.get("mc", {})
    d = r["d"]
    if r["spec"].startswith("heat:"):
        # u = |x|^2 + 2dT on [0, 1]^d (sigma = sqrt 2, T = 1): E|x|^2 = d/3, Var |x|^2 = 4d/45
        rms_u = (4 * d / 45 + (d / 3 + 2 * d) ** 2) ** 0.5
        ratio = "%.2f" % (r["rel_l2"] * rms_u / (4 * d / 45) ** 0.5)
    else:
        ratio = "–"
    print("| %s | %d | %s | %d | %.2e | %s | %.2e | %.1f (%.0f) | %.3g → %.3g (×%.1f) | %d | %.2e | %.2e | %s |" % (
        r["spec"].split(":")[0], r["d"], r["loss"], r["iterations"], r["rel_l2"], ratio, r["rel_linf"], r["train_cost_seconds"],
        r["train_seconds"], r["target_variance_plain"], r["target_variance_reduced"],
        r["target_variance_plain"] / r["target_variance_reduced"], mc.get("paths_per_point", 0), mc.get("rel_l2", float("nan")),
        mc.get("rel_linf", float("nan")), r["bench_commit"]))
