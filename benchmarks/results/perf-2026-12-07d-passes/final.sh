#!/usr/bin/env bash
# After 5a977fa: three alternating rounds against PyTorch at batch 512 (ab.sh -> ab-5a977fa.log) and perf.sh at
# 2 048 x 200 (f32-2048-5a977fa.txt). From the repository root.
set -u
here=benchmarks/results/perf-2026-12-07d-passes
TAG=ab-5a977fa $here/ab.sh > $here/ab-5a977fa.log 2>&1
pids=$(pgrep -f "bench quality" | xargs)
[ -n "$pids" ] && kill -STOP $pids
trap '[ -n "$pids" ] && kill -CONT $pids' EXIT
PRECISION=float32 BATCH=2048 STEPS=200 OUT=$here/f32-2048-5a977fa benchmarks/perf.sh > $here/f32-2048-5a977fa.txt 2>&1
