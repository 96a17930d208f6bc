#!/usr/bin/env bash
# Issue 14, 2026-12-07: chunks dealt out statically (ChunkedExecutor: thread k runs chunks k, k+T, ...) against one by
# one (a299a74), the float32 step at chunks of 128 and 64 paths, JMH 2 threads, alternating, beside PyTorch float32.
#   ab-static.sh JAR_A JAR_B      (run from the repository root)
set -euo pipefail
here=benchmarks/results/perf-2026-12-07c-float32
PY=$(benchmarks/pytorch/ensure-torch.sh)
export OMP_WAIT_POLICY=PASSIVE
for round in 1 2 3; do
  for chunk in 128 64; do
    for ab in A B; do
      jar=$1; [ $ab = B ] && jar=$2
      java --add-modules jdk.incubator.vector -jar "$jar" jmh TrainingStepBenchmark -p threads=2 -p precision=float32 \
          -p chunk=$chunk -wi 2 -w 2 -i 3 -r 3 -f 1 -rf json -rff $here/abs-r$round-c$chunk-$ab.json > /dev/null 2>&1
      echo "round $round chunk $chunk $ab: $(python3 -c "import json; r=json.load(open('$here/abs-r$round-c$chunk-$ab.json'))[0]; print('%.1f ms' % r['primaryMetric']['scorePercentiles']['50.0'])")"
    done
  done
  echo "round $round $("$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype float32 --warmup 2 --iters 7)"
done
