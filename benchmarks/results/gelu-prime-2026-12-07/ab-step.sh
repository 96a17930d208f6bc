#!/usr/bin/env bash
# The training steps that differentiate a divergence, before and after the fused gelu' op: JMH SamplerStepBenchmark
# with NETS and the PINN sampler (their residuals take exact divergences by default; the bridge sampler's default
# log-weight has none), 2 threads, jars alternated A B A B. A = $1 (6e58191), B = $2 (a21829a).
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
n=0
for v in A B A B; do
  n=$((n + 1)); jar=$1; [ $v = B ] && jar=$2
  for s in nets pinn; do
    echo "=== $v $s $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    java --add-modules jdk.incubator.vector -jar "$jar" jmh SamplerStepBenchmark -p sampler=$s -p loss=$s \
      -wi 2 -w 2 -i 3 -r 2 -f 1 -rf json -rff "$OUT/step-$s-$v-$n.json" > "$OUT/step-$s-$v-$n.txt" 2>&1
    python3 -c "import json; d=json.load(open('$OUT/step-$s-$v-$n.json'))[0]; print('$v $s', round(d['primaryMetric']['score'],2), 'ms/op')"
  done
done
