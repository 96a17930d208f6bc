#!/usr/bin/env bash
# The other sampler steps after the kept first pass (same selection as perf-2026-12-07c-float32/sampler-steps at fa1be57):
#   benchmarks/results/perf-2026-12-07d-passes/sampler-steps.sh JAR     (background quality rows paused with SIGSTOP)
set -u
here=benchmarks/results/perf-2026-12-07d-passes
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
java --add-modules jdk.incubator.vector -jar "$1" jmh SamplerStepBenchmark -p sampler=pis,bridge,gfn -p loss=kl,lv,tb \
    -p precision=float64,float32 -p threads=2 -wi 3 -w 2 -i 5 -r 2 -f 1 -rf json -rff $here/sampler-steps.json > $here/sampler-steps.txt 2>&1
grep -E "^SamplerStepBenchmark.step  " $here/sampler-steps.txt > $here/sampler-steps-summary.txt
