#!/usr/bin/env bash
# The Kolmogorov-solver measurement of BENCHMARKS.md ("Kolmogorov PDE"): relative L2 / Linf of u(., 0) on the box
# against the closed form at 2000 uniform points, wall and CPU time, and plain Monte Carlo given the same CPU time
# (of the one thread) at the same 2000 points. Single thread, nice. Run from the repository root after building cli/target/girsanov.jar:
#   nohup nice -n 10 benchmarks/results/pde-2026-12-02/run.sh > benchmarks/results/pde-2026-12-02/run.log 2>&1 &
set -euo pipefail
out="$(dirname "$0")"
commit="$(git rev-parse --short HEAD)"
run() {
  name="$1"; shift
  java -Xmx2g -XX:ActiveProcessorCount=1 -jar "${GIRSANOV_JAR:-cli/target/girsanov.jar}" pde "$@" --threads 1 --json > "$out/$name.json.tmp"
  python3 - "$out/$name.json.tmp" "$out/$name.json" "$commit" "pde $*" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["bench_commit"] = sys.argv[3]; r["command"] = "girsanov " + sys.argv[4] + " --threads 1 --json"
json.dump(r, open(sys.argv[2], "w"), indent=2)
PY
  rm "$out/$name.json.tmp"
}
run heat10-plain --problem heat:d=10 --loss plain --iters 3000 --steps 10
run heat10-vr --problem heat:d=10 --loss vr --iters 1000 --steps 10
run heat50-plain --problem heat:d=50 --loss plain --iters 3000 --steps 10
run heat100-plain --problem heat:d=100 --loss plain --iters 3000 --steps 10
run gauss10-plain --problem heat-gauss:d=10 --loss plain --iters 3000 --steps 10
run gauss10-vr --problem heat-gauss:d=10 --loss vr --iters 1000 --steps 10
