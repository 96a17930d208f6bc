#!/usr/bin/env bash
# Issue 14, 2026-12-07: the training step with the control network's hidden layers in float32 (--precision float32,
# Tape.geluStack32) beside the float64 step and PyTorch, on the session's machine, each row one benchmarks/perf.sh run:
#   a) PRECISION=float32, PyTorch float32            (the 3x goal at batch 512 x 100)
#   b) PRECISION=float64, PyTorch float32, QUICK=1   (the double step in the same quarter hour)
#   c) PRECISION=float32, BATCH=2048 STEPS=200, QUICK=1  (the published protocol's size)
#   d) allocation per step, float32, one thread (JMH -prof gc)
# Run from the repository root: benchmarks/results/perf-2026-12-07c-float32/run.sh (part 1, commit d420f37;
# PART=2 for the second part, commit a299a74, listed at the end)
set -euo pipefail
here=benchmarks/results/perf-2026-12-07c-float32
if [ "${PART:-1}" = 2 ]; then
  PRECISION=float32 CHUNK=128 OUT=$here/e benchmarks/perf.sh > $here/e.txt 2>&1
  PRECISION=float32 CHUNK=128 BATCH=2048 STEPS=200 QUICK=1 OUT=$here/f benchmarks/perf.sh > $here/f.txt 2>&1
  PRECISION=float64 CHUNK=128 QUICK=1 OUT=$here/g benchmarks/perf.sh > $here/g.txt 2>&1
  exit 0
fi
PRECISION=float32 OUT=$here/a benchmarks/perf.sh > $here/a.txt 2>&1
PRECISION=float64 QUICK=1 OUT=$here/b benchmarks/perf.sh > $here/b.txt 2>&1
PRECISION=float32 BATCH=2048 STEPS=200 QUICK=1 OUT=$here/c benchmarks/perf.sh > $here/c.txt 2>&1
java --add-modules jdk.incubator.vector -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p threads=1 \
    -p precision=float32 -wi 2 -w 2 -i 3 -r 3 -f 1 -prof gc > $here/d-alloc-float32.txt 2>&1
# second part (commit a299a74): chunks of 128 paths (--chunk-size 128; the default is 64)
#   e) PRECISION=float32 CHUNK=128, PyTorch float32
#   f) PRECISION=float32 CHUNK=128 BATCH=2048 STEPS=200, QUICK=1
#   g) PRECISION=float64 CHUNK=128, QUICK=1
