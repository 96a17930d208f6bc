#!/usr/bin/env bash
# Allocation per PIS-LV training step (batch 512, N = 100, 1 thread), JMH -prof gc, for two jars (before and after
# a change): benchmarks/results/alloc-2026-12-03/run.sh OLD.jar NEW.jar
set -euo pipefail
for j in "$@"; do
  echo "== $j"
  java --add-modules jdk.incubator.vector -jar "$j" jmh TrainingStepBenchmark -p batch=512 -p steps=100 -p threads=1 \
      -prof gc -wi 2 -w 2 -i 3 -r 3 -f 1 2>&1 | grep -E "gc.alloc.rate.norm|gc.count|gc.time" | grep -v "±"
done
