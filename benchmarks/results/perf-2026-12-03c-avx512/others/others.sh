#!/usr/bin/env bash
# Idle A/B of the other JMH benchmarks (MLP, simulation, kernels; every sampler x loss step): A = e21de06 (before the
# Vector-API kernels, the workspace and the fixed-parameter transposes), B = 42075e9; order A B B A per benchmark group.
# Jars as built by ../ab/ab.sh (B) and from a worktree of e21de06 (A), in /tmp.
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
for v in e21de06 42075e9 42075e9 e21de06; do
  n=$((${n:-0} + 1))
  echo "=== micro $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-$v.jar jmh 'MlpBenchmark|SimulationBenchmark|KernelBenchmark' \
    -wi 2 -w 1 -i 3 -r 1 -f 1 -t 1 -rf json -rff "$OUT/micro-$v-$n.json" > "$OUT/micro-$v-$n.txt" 2>&1
done
n=0
for v in e21de06 42075e9 42075e9 e21de06; do
  n=$((n + 1))
  echo "=== sampler $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-$v.jar jmh SamplerStepBenchmark -wi 1 -w 1 -i 2 -r 1 -f 1 \
    -rf json -rff "$OUT/sampler-$v-$n.json" > "$OUT/sampler-$v-$n.txt" 2>&1
done
echo "=== done $(date -u +%T)"
# appended: a build ran during micro run 2 (16:49:45-16:50:10), so one more pair, B then A, runs 5 and 6
for v in 42075e9 e21de06; do
  n=$((${m:-4} + 1)); m=$n
  echo "=== micro $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-$v.jar jmh 'MlpBenchmark|SimulationBenchmark|KernelBenchmark' \
    -wi 2 -w 1 -i 3 -r 1 -f 1 -t 1 -rf json -rff "$OUT/micro-$v-$n.json" > "$OUT/micro-$v-$n.txt" 2>&1
done
