#!/usr/bin/env bash
# A/B of the PIS-LV training step (JMH TrainingStepBenchmark, batch 512, N = 100, 1 and 2 threads), alternating
# A = b7c10f0 (vector GELU backward recomputes tanh with a second exp) and B = c350855 (a recording tape keeps tanh u
# in a workspace buffer), with the PyTorch float32 counterpart in every round, 3 rounds.
# Builds both jars in temporary worktrees; run from the repository root:  benchmarks/results/perf-2026-12-04-avx512/ab/ab.sh
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
for v in b7c10f0 c350855; do
  [ -f "/tmp/girsanov-$v.jar" ] && continue
  git worktree add -f "/tmp/wt-$v" "$v" >/dev/null
  (cd "/tmp/wt-$v" && mvn -B -q -pl cli -am package -DskipTests -Denforcer.skip >/dev/null && cp cli/target/girsanov.jar "/tmp/girsanov-$v.jar")
  git worktree remove --force "/tmp/wt-$v"
done
for round in ${ROUNDS:-1 2 3}; do
  for v in b7c10f0 c350855; do
    echo "=== round $round $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    java --add-modules jdk.incubator.vector -jar "/tmp/girsanov-$v.jar" jmh TrainingStepBenchmark -p batch=512 -p steps=100 \
      -p threads=1,2 -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff "$OUT/jmh-$v-$round.json" 2>/dev/null | grep -E "^TrainingStepBenchmark.step  "
  done
  echo "=== round $round pytorch $(date -u +%T)"
  OMP_WAIT_POLICY=PASSIVE "$(benchmarks/pytorch/ensure-torch.sh)" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype float32 --warmup 2 --iters 7 | tee -a "$OUT/pytorch.txt"
done
