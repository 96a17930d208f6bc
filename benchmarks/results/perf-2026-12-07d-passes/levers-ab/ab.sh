#!/usr/bin/env bash
# A/B of TrainingStepBenchmark: ab.sh OUTDIR "JMH params" jarA jarB ... (alternating A B A B), row java paused
out=$1; shift; params=$1; shift
mkdir -p $out
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
for round in 1 2; do
  for jar in "$@"; do
    tag=$(basename $jar .jar)-r$round
    java --add-modules jdk.incubator.vector -jar $jar jmh TrainingStepBenchmark $params -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff $out/$tag.json > $out/$tag.txt 2>&1
    grep -E "^TrainingStepBenchmark|Benchmark " $out/$tag.txt | tail -3 | sed "s|^|$tag |"
  done
done
[ -n "$pids" ] && kill -CONT $pids
