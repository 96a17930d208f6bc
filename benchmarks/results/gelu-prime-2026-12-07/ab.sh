#!/usr/bin/env bash
# A/B of the fused gelu' op (GELU's recorded backward as one op, gelu'' in its own backward) against the composed one
# of 6e58191: JMH DivergenceBenchmark (a Hutchinson probe of a GELU MLP by one createGraph vector-Jacobian product, and
# its gradient in the parameters), one thread, jars alternated A B A B A B. A = $1 (6e58191 with this benchmark file
# copied in), B = $2 (the change). Run while two quality rows held both cores: the ratio, not the times, is the result.
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
n=0
for v in A B A B A B; do
  n=$((n + 1)); jar=$1; [ $v = B ] && jar=$2
  echo "=== $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar "$jar" jmh DivergenceBenchmark -wi 3 -w 1 -i 5 -r 1 -f 1 -prof gc \
    -rf json -rff "$OUT/ab-$v-$n.json" > "$OUT/ab-$v-$n.txt" 2>&1
  python3 -c "import json; d=json.load(open('$OUT/ab-$v-$n.json'))[0]; print('$v', round(d['primaryMetric']['score'],1), 'us/op', round(d['secondaryMetrics']['gc.alloc.rate.norm']['score']), 'B/op')"
done
