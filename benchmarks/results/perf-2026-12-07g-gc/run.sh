#!/usr/bin/env bash
# G1 (the JVM's default) against ParallelGC for the training step, float32, 2 threads, batch 512 x 100 and 2 048 x 200,
# two alternating rounds of JMH TrainingStepBenchmark (the collector changes no number, only time). From the repository
# root after benchmarks/perf.sh (or a package) built cli/target/girsanov.jar; background quality rows paused (SIGSTOP):
#   benchmarks/results/perf-2026-12-07g-gc/run.sh > benchmarks/results/perf-2026-12-07g-gc/ab.log
set -u
here=benchmarks/results/perf-2026-12-07g-gc
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
sleep 3
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -1)"
for round in 1 2; do
  for b in "512 100" "2048 200"; do set -- $b
    for gc in G1 Parallel; do
      java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p batch=$1 -p steps=$2 \
          -p threads=2 -p precision=float32 -jvmArgsAppend "-XX:+Use${gc}GC" -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json \
          -rff $here/r$round-b$1-$gc.json > /dev/null 2>&1
      echo "round $round batch=$1 steps=$2 gc=$gc median_ms=$(python3 -c "import json; print('%.1f' % json.load(open('$here/r$round-b$1-$gc.json'))[0]['primaryMetric']['scorePercentiles']['50.0'])")"
    done
  done
done
echo "# load after: $(uptime | sed 's/.*load average: //')"
