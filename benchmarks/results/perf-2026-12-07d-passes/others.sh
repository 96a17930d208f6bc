#!/usr/bin/env bash
# Threads 1 vs 2 (two alternating rounds) and the MLP / simulation benchmarks before (60ec1e0) and after (a0dd155) the
# pass levers, background quality rows paused:  others.sh OLD.jar NEW.jar  > others.log
set -u
here=benchmarks/results/perf-2026-12-07d-passes
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
J="java --add-modules jdk.incubator.vector -jar"
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
for round in 1 2; do
  for threads in 1 2; do
    $J "$2" jmh TrainingStepBenchmark -p batch=512 -p steps=100 -p threads=$threads -p precision=float32 -p chunk=0 \
        -wi 3 -w 3 -i 5 -r 3 -f 1 2>&1 | grep -E "^TrainingStepBenchmark.step:p0.50" | sed "s|^|round $round new threads=$threads |"
  done
done
for jar in "$1" "$2"; do
  $J "$jar" jmh 'MlpBenchmark|SimulationBenchmark' -wi 3 -w 2 -i 5 -r 2 -f 1 2>&1 | grep -E "^(Mlp|Simulation)Benchmark" | sed "s|^|$(basename $jar) |"
done
