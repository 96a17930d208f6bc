#!/bin/bash
# The Langevin-term ablation of He et al. 2025 (seed 000, "Langevin preconditioning is necessary to prevent mode
# collapse"): DDS with KL, LV and TB on a 3-mode mixture, with and without NN2(t) * grad log rho in the drift; LV and
# TB also without the protocol's exploration (behaviour noise kappa = 1: on-policy, as in the talk).
# Usage: benchmarks/results/langevin-ablation/run.sh [OUT]   (from the repository root; ~1-3 min per run on 1 core;
#        GIRSANOV="java -jar some.jar" runs a fixed jar instead of ./girsanov). A run whose JSON exists is not redone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-runs/langevin-ablation}
mkdir -p "$out"
run() { # name, extra flags...
  local name=$1; shift
  [ -s "$out/$name.json" ] && return 0
  ${GIRSANOV:-./girsanov} train --target "gmm:file=$here/gmm3.json" --sampler dds "$@" \
    --steps 50 --iterations 1000 --threads 1 --eval-paths 20000 --no-plots --out "$out/$name" --json > "$out/$name.json"
}
for loss in kl lv tb; do
  run "dds-$loss-with" --loss "$loss"
  run "dds-$loss-without" --loss "$loss" --no-langevin
done
for loss in lv tb; do
  run "dds-$loss-with-onpolicy" --loss "$loss" --exploration 1
  run "dds-$loss-without-onpolicy" --loss "$loss" --exploration 1 --no-langevin
done
python3 - "$out" <<'PY'
import json, sys, os
print("| loss | exploration | Langevin term | mode coverage | Δlog Z lb | Δlog Z rw | ESS | Δstd | mode-weight error |")
print("|---|---|---|---|---|---|---|---|---|")
rows = [(l, "", "protocol (κ = 2 → 1)" if l != "kl" else "none (on-policy)") for l in ["kl", "lv", "tb"]]
rows += [(l, "-onpolicy", "none (κ = 1)") for l in ["lv", "tb"]]
for loss, suffix, exploration in rows:
    for v in ["with", "without"]:
        m = json.load(open(os.path.join(sys.argv[1], f"dds-{loss}-{v}{suffix}.json")))
        print(f"| {loss} | {exploration} | {v} | {m['mode_coverage']:.3f} | {m['delta_logZ_lb']:.3f} | "
              f"{m['delta_logZ_is']:.3f} | {m['ess']:.3f} | {m['delta_std']:.3f} | {m['mode_weight_error']:.3f} |")
PY
