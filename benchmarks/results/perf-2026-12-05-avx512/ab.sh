#!/usr/bin/env bash
# A/B of the PIS-LV training step (JMH TrainingStepBenchmark, batch 512, N = 100, 1 and 2 threads), alternating
# A = ffd3862 (before) and B = c07a57d (the one-row and narrow products with independent fma chains, GELU two vectors
# per iteration), with the PyTorch counterpart in float32 and float64 (2 threads, OMP_WAIT_POLICY=PASSIVE) in every
# round, 3 rounds; then the float32 product probe. Builds both jars in temporary worktrees; run from the repository
# root:  benchmarks/results/perf-2026-12-05-avx512/ab.sh > benchmarks/results/perf-2026-12-05-avx512/ab.log
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
A=${A:-ffd3862}
B=${B:-c07a57d}
PY=$(benchmarks/pytorch/ensure-torch.sh)
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cpus, avx512 flags: $(grep -o 'avx512[a-z_0-9]*' /proc/cpuinfo | sort -u | wc -l), $(java -version 2>&1 | head -1)"
echo "# torch $("$PY" -c 'import torch; print(torch.__version__)'), BLAS: $("$PY" -c "import ctypes, ctypes.util; n = ctypes.util.find_library('openblas'); l = ctypes.CDLL(n) if n else None
if l: l.openblas_get_corename.restype = ctypes.c_char_p
print('OpenBLAS core %s' % l.openblas_get_corename().decode() if l else 'no OpenBLAS (reference libblas)')")"
for v in "$A" "$B"; do
  [ -f "/tmp/girsanov-$v.jar" ] && continue
  git worktree add -f "/tmp/wt-$v" "$v" >/dev/null
  (cd "/tmp/wt-$v" && mvn -B -q -o -pl cli -am package -DskipTests -Denforcer.skip >/dev/null && cp cli/target/girsanov.jar "/tmp/girsanov-$v.jar")
  git worktree remove --force "/tmp/wt-$v"
done
for round in ${ROUNDS:-1 2 3}; do
  for v in "$A" "$B"; do
    echo "=== round $round $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    java --add-modules jdk.incubator.vector -jar "/tmp/girsanov-$v.jar" jmh TrainingStepBenchmark -p batch=512 -p steps=100 \
      -p threads=1,2 -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff "$OUT/jmh-$v-$round.json" 2>/dev/null | grep -E "^TrainingStepBenchmark.step  "
  done
  for dt in float32 float64; do
    echo "=== round $round pytorch $dt $(date -u +%T)"
    OMP_WAIT_POLICY=PASSIVE "$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype $dt --warmup 2 --iters 7
  done
done
echo "=== float32 product probe $(date -u +%T)"
java --add-modules jdk.incubator.vector "$OUT/Float32ProductProbe.java" 2>/dev/null
