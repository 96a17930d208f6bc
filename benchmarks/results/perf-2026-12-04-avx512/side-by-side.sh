#!/usr/bin/env bash
# The PIS-LV step (JMH TrainingStepBenchmark, batch 512, N = 100, 1 and 2 threads) of c350855 beside the PyTorch
# counterpart in float32 and float64 (2 threads, OMP_WAIT_POLICY=PASSIVE), alternating, 3 rounds. Uses the jar that
# ab/ab.sh built (/tmp/girsanov-c350855.jar). Run from the repository root:
#   benchmarks/results/perf-2026-12-04-avx512/side-by-side.sh
set -e
OUT=$(cd "$(dirname "$0")" && pwd)
PY=$(benchmarks/pytorch/ensure-torch.sh)
echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cpus, avx512 flags: $(grep -o 'avx512[a-z_0-9]*' /proc/cpuinfo | sort -u | wc -l), $(java -version 2>&1 | head -1)"
echo "# torch $("$PY" -c 'import torch; print(torch.__version__)'), BLAS: $("$PY" -c "import ctypes, ctypes.util; n = ctypes.util.find_library('openblas'); l = ctypes.CDLL(n) if n else None
if l: l.openblas_get_corename.restype = ctypes.c_char_p
print('OpenBLAS core %s' % l.openblas_get_corename().decode() if l else 'no OpenBLAS (reference libblas)')")"
for round in 1 2 3; do
  echo "=== round $round c350855 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -jar /tmp/girsanov-c350855.jar jmh TrainingStepBenchmark -p batch=512 -p steps=100 \
    -p threads=1,2 -wi 3 -w 3 -i 5 -r 3 -f 1 -rf json -rff "$OUT/jmh-c350855-$round.json" 2>/dev/null | grep -E "^TrainingStepBenchmark.step  "
  for dt in float32 float64; do
    echo "=== round $round pytorch $dt $(date -u +%T)"
    OMP_WAIT_POLICY=PASSIVE "$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype $dt --warmup 2 --iters 7
  done
done
# PyTorch again with OpenBLAS's AVX-512 kernels forced (the VM's CPUID hides the model, so OpenBLAS picks Haswell)
for round in 1 2 3; do
  echo "=== round $round pytorch float32 OPENBLAS_CORETYPE=SkylakeX $(date -u +%T)"
  OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE "$PY" benchmarks/pytorch/pis_lv_step.py --batch 512 --steps 100 --threads 2 --dtype float32 --warmup 2 --iters 7
done
