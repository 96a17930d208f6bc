#!/usr/bin/env bash
# The Kolmogorov-solver rows of BENCHMARKS.md ("Kolmogorov PDE", 2026-12-07): the variance-reduced loss at d = 50 and
# 100 (not measured before), the plain loss given the same CPU time as the variance-reduced one (10x its iterations:
# the equal-cost comparison), the Black-Scholes basket and the parametric family, and the space-time loss; each
# beside plain Monte Carlo at the same CPU time of the one working thread. Run from the repository root after
# building cli/target/girsanov.jar:
#   nohup nice -n 5 benchmarks/results/pde-2026-12-07/run.sh > benchmarks/results/pde-2026-12-07/run.log 2>&1 &
set -euo pipefail
out="$(dirname "$0")"
jar="${GIRSANOV_JAR:-cli/target/girsanov.jar}"
commit="$(java -jar "$jar" version --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["commit"])')"
run() {
  name="$1"; shift
  [ -f "$out/$name.json" ] && { echo "$name: done before"; return; }
  echo "== $name $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -Xmx2g -XX:ActiveProcessorCount=1 -jar "$jar" pde "$@" --threads 1 --json > "$out/$name.json.tmp" 2> "$out/$name.err"
  python3 - "$out/$name.json.tmp" "$out/$name.json" "$commit" "pde $*" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["bench_commit"] = sys.argv[3]; r["command"] = "girsanov " + sys.argv[4] + " --threads 1 --json"
json.dump(r, open(sys.argv[2], "w"), indent=2)
PY
  rm "$out/$name.json.tmp"
}
run heat50-vr --problem heat:d=50 --loss vr --iters 3000 --steps 10
run heat50-plain30k --problem heat:d=50 --loss plain --iters 30000 --steps 10
run heat100-vr --problem heat:d=100 --loss vr --iters 3000 --steps 10
run heat100-plain30k --problem heat:d=100 --loss plain --iters 30000 --steps 10
run heat10-spacetime --problem heat:d=10 --loss space-time --iters 3000 --steps 10
run gbm10-plain --problem gbm-call:d=10 --loss plain --iters 3000 --steps 10
run gbm50-plain --problem gbm-call:d=50 --loss plain --iters 3000 --steps 10
run gbm100-plain --problem gbm-call:d=100 --loss plain --iters 3000 --steps 10
run gbm10-vr --problem gbm-call:d=10 --loss vr --iters 1000 --steps 10
run param10-plain --problem heat-param:d=10 --loss plain --iters 3000 --steps 10
echo "== done $(date -u +%T)"
