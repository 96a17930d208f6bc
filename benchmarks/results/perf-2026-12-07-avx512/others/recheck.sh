#!/usr/bin/env bash
# The sampler x loss steps that others.sh showed slower (0.67-0.86x; its 1 s x 2 iterations are noisy), again with
# longer iterations, order A B A B: A = 42075e9, B = 6e58191.
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
n=0
for v in 42075e9 6e58191 42075e9 6e58191; do
  n=$((n + 1))
  echo "=== recheck $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-$v.jar jmh SamplerStepBenchmark \
    -p sampler=pis,bridge -p loss=kl,tb,db,subtb -wi 2 -w 2 -i 3 -r 2 -f 1 \
    -rf json -rff "$OUT/recheck-$v-$n.json" > "$OUT/recheck-$v-$n.txt" 2>&1
done
echo "=== done $(date -u +%T)"
