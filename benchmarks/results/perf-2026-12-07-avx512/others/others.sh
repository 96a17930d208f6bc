#!/usr/bin/env bash
# Idle A/B of the other JMH benchmarks (MLP, simulation, kernels, target score; every sampler x loss step):
# A = 42075e9 (the B of the last such A/B, 2026-12-03), B = 6e58191 (after the one-row/narrow tiles, the GELU fix and the
# batched mixture score); order A B B A per group. Jars: a clean build of each commit, in /tmp/girsanov-<commit>.jar.
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
n=0
for v in 42075e9 6e58191 6e58191 42075e9; do
  n=$((n + 1))
  echo "=== micro $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-$v.jar jmh 'MlpBenchmark|SimulationBenchmark|KernelBenchmark' \
    -wi 2 -w 1 -i 3 -r 1 -f 1 -t 1 -prof gc -rf json -rff "$OUT/micro-$v-$n.json" > "$OUT/micro-$v-$n.txt" 2>&1
done
n=0
for v in 42075e9 6e58191 6e58191 42075e9; do
  n=$((n + 1))
  echo "=== sampler $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-$v.jar jmh SamplerStepBenchmark -wi 1 -w 1 -i 2 -r 1 -f 1 \
    -rf json -rff "$OUT/sampler-$v-$n.json" > "$OUT/sampler-$v-$n.txt" 2>&1
done
echo "=== done $(date -u +%T)"
