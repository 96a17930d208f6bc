#!/usr/bin/env bash
# Issue 14, 2026-12-07 (commit a299a74): three alternating rounds of the float32 step at chunks of 64 and 128 paths
# (JMH TrainingStepBenchmark, 2 threads, batch 512, N = 100) and PyTorch float32 (2 threads, OMP_WAIT_POLICY=PASSIVE),
# to read the ratio on a machine whose PyTorch times moved between 176 and 240 ms in one quarter hour.
# Run from the repository root after benchmarks/perf.sh has built cli/target/girsanov.jar.
set -euo pipefail
here=benchmarks/results/perf-2026-12-07c-float32
PY=$(benchmarks/pytorch/ensure-torch.sh)
export OMP_WAIT_POLICY=PASSIVE
for round in 1 2 3; do
  for chunk in 64 128; do
    java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p threads=2 \
        -p precision=float32 -p chunk=$chunk -wi 2 -w 2 -i 3 -r 3 -f 1 -rf json -rff $here/ab-r$round-c$chunk.json \
        > /dev/null 2>&1
    echo "round $round chunk $chunk: $(python3 -c "import json; r=json.load(open('$here/ab-r$round-c$chunk.json'))[0]; print('%.1f ms' % r['primaryMetric']['scorePercentiles']['50.0'])")"
  done
  echo "round $round $("$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype float32 --warmup 2 --iters 7)"
done
