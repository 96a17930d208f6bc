#!/usr/bin/env bash
# Three alternating rounds (ours float32 at chunks of 64, PyTorch float32, ours float32 at chunks of 128), 2 threads,
# batch 512 x 100, background quality rows paused (SIGSTOP). From the repository root, after benchmarks/perf.sh built the jar:
#   benchmarks/results/perf-2026-12-07d-passes/ab.sh > benchmarks/results/perf-2026-12-07d-passes/ab.log
set -u
here=benchmarks/results/perf-2026-12-07d-passes
PY=$(benchmarks/pytorch/ensure-torch.sh)
export OMP_WAIT_POLICY=PASSIVE
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -1)"
for round in 1 2 3; do
  for chunk in 0 128; do
    java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p batch=512 -p steps=100 \
        -p threads=2 -p precision=float32 -p chunk=$chunk -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff $here/${TAG:-ab}-r$round-c$chunk.json > /dev/null 2>&1
    echo "round $round ours chunk=$chunk median_ms=$(python3 -c "import json; print('%.1f' % json.load(open('$here/${TAG:-ab}-r$round-c$chunk.json'))[0]['primaryMetric']['scorePercentiles']['50.0'])")"
    [ $chunk = 0 ] && echo "round $round $("$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype float32 --warmup 2 --iters 7)"
  done
done
