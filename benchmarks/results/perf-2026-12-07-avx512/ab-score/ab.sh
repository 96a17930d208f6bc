#!/bin/bash
# alternating A/B of the training step (JMH TrainingStepBenchmark, batch 512, N 100, threads 1 and 2)
cd /tmp/perf
for r in 1 2; do for j in base new; do
  java --add-modules jdk.incubator.vector -jar $j.jar jmh TrainingStepBenchmark -p threads=1,2 -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff ab-$j-$r.json > ab-$j-$r.txt 2>&1
  python3 -c "import json,sys; d=json.load(open('ab-$j-$r.json')); print('$j round $r', [(x['params']['threads'], round(x['primaryMetric']['scorePercentiles']['50.0'],1)) for x in d])"
done; done
