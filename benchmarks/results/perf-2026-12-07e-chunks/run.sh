#!/usr/bin/env bash
# The default chunk size that follows the batch (10db1be: batch/8 within [64, 256], so 256 at batch 2 048), beside
# PyTorch, batch 2 048 x 200, float32, from the repository root of a clean clone (~10 min):
#   benchmarks/results/perf-2026-12-07e-chunks/run.sh
# Part 1 is one benchmarks/perf.sh run (its header names machine, commit, JDK); part 2 three alternating rounds
# (ours at the default chunks, PyTorch, ours at chunks of 64 - the old default), 2 threads. A background quality row,
# if any, is paused (SIGSTOP) meanwhile.
set -u
here=benchmarks/results/perf-2026-12-07e-chunks
PY=$(benchmarks/pytorch/ensure-torch.sh)
export OMP_WAIT_POLICY=PASSIVE
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
sleep 5
PRECISION=float32 BATCH=2048 STEPS=200 OUT=$here/f32-2048 benchmarks/perf.sh > $here/f32-2048.txt 2>&1
{
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -1)"
for round in 1 2 3; do
  for chunk in 0 64; do
    java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p batch=2048 -p steps=200 \
        -p threads=2 -p precision=float32 -p chunk=$chunk -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff $here/ab-r$round-c$chunk.json > /dev/null 2>&1
    echo "round $round ours chunk=$chunk median_ms=$(python3 -c "import json; print('%.1f' % json.load(open('$here/ab-r$round-c$chunk.json'))[0]['primaryMetric']['scorePercentiles']['50.0'])")"
    [ $chunk = 0 ] && echo "round $round $("$PY" benchmarks/pytorch/pis_lv_step.py --batch 2048 --steps 200 --threads 2 --dtype float32 --warmup 1 --iters 5)"
  done
done
echo "# load after: $(uptime | sed 's/.*load average: //')"
} > $here/ab.log 2>&1
