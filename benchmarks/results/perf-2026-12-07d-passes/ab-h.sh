#!/usr/bin/env bash
cd /work/main
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
java --add-modules jdk.incubator.vector -cp /tmp/jar-hrecompute.jar org.girsanov.benchmarks.jmh.StepTimer 512 100 2 6 3 0 float32 2>&1 | grep -o "kept first pass.*"
for round in 1 2; do for jar in /tmp/jar-a0dd155.jar /tmp/jar-hrecompute.jar; do for threads in 1 2; do
  java --add-modules jdk.incubator.vector -jar $jar jmh TrainingStepBenchmark -p batch=512 -p steps=100 -p threads=$threads -p precision=float32 -p chunk=0 \
        -wi 3 -w 3 -i 5 -r 3 -f 1 2>&1 | grep -E "^TrainingStepBenchmark.step:p0.50" | sed "s|^|round $round $(basename $jar) threads=$threads |"
done; done; done
