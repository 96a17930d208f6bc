#!/usr/bin/env bash
# After the one-row products without a transpose (90c3219): batch 512 x 100, float32, from the repository root of a
# clean clone (~12 min): one benchmarks/perf.sh run, then three rounds of ours on 2 and 1 threads and PyTorch on 2
# (the two-thread speed-up and the ratio, each round side by side). Background quality rows are paused (SIGSTOP).
#   benchmarks/results/perf-2026-12-07f-fewrows/run.sh
set -u
here=benchmarks/results/perf-2026-12-07f-fewrows
PY=$(benchmarks/pytorch/ensure-torch.sh)
export OMP_WAIT_POLICY=PASSIVE
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
sleep 5
PRECISION=float32 OUT=$here/f32-512 benchmarks/perf.sh > $here/f32-512.txt 2>&1
{
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -1)"
for round in 1 2 3; do
  for t in 2 1; do
    java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p batch=512 -p steps=100 \
        -p threads=$t -p precision=float32 -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff $here/ab-r$round-t$t.json > /dev/null 2>&1
    echo "round $round ours threads=$t median_ms=$(python3 -c "import json; print('%.1f' % json.load(open('$here/ab-r$round-t$t.json'))[0]['primaryMetric']['scorePercentiles']['50.0'])")"
  done
  echo "round $round $("$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype float32 --warmup 2 --iters 7)"
done
echo "# load after: $(uptime | sed 's/.*load average: //')"
} > $here/ab.log 2>&1
