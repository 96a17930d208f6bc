#!/usr/bin/env bash
# The training step after the two pass levers (SharedLeaves 9da4b57, kept first pass 610eb83), beside PyTorch:
#   benchmarks/results/perf-2026-12-07d-passes/run.sh      (from the repository root; ~20 min)
# Each part is one benchmarks/perf.sh run (its own header names machine, commit, JDK); a background quality row, if any,
# is paused (SIGSTOP) while it runs.
set -u
here=benchmarks/results/perf-2026-12-07d-passes
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
PRECISION=float32 OUT=$here/f32-512 benchmarks/perf.sh > $here/f32-512.txt 2>&1
PRECISION=float64 TORCH_DTYPE=float64 OUT=$here/f64-512 benchmarks/perf.sh > $here/f64-512.txt 2>&1
PRECISION=float32 CHUNK=128 OUT=$here/f32-512-c128 benchmarks/perf.sh > $here/f32-512-c128.txt 2>&1
PRECISION=float32 BATCH=2048 STEPS=200 OUT=$here/f32-2048 benchmarks/perf.sh > $here/f32-2048.txt 2>&1
java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p batch=512 -p steps=100 \
    -p threads=2 -p precision=float32 -p chunk=0 -prof gc -wi 3 -w 3 -i 5 -r 3 -f 1 > $here/gc-f32-512.txt 2>&1
echo "done $(date -u +%FT%TZ)" >> $here/f32-512.txt
