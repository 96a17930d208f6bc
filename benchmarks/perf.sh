#!/usr/bin/env bash
# One command for the training-step performance goals (BENCHMARKS.md, "Training step performance"):
# builds the shaded jar, runs JMH TrainingStepBenchmark (PIS-LV, gmm9, batch 512, N = 100) on 1 and 2
# threads and the PyTorch counterpart (benchmarks/pytorch/pis_lv_step.py, Debian's python3-torch) on 2
# threads, and prints both medians, the Java 2-thread speed-up and the PyTorch / Java ratio.
#
#   benchmarks/perf.sh                 # full run (~3 min)
#   QUICK=1 benchmarks/perf.sh         # fewer iterations
#   BATCH=512 STEPS=100 TORCH_DTYPE=float64 benchmarks/perf.sh
#   KERNELS=scalar benchmarks/perf.sh  # our scalar kernels instead of the Vector-API ones (same numbers)
#   PRECISION=float32 benchmarks/perf.sh  # the control network's hidden layers in float32 (log-weights, Adam: double)
#   CHUNK=128 benchmarks/perf.sh       # paths per batch chunk (default batch/8 within [64, 256]; results depend on it)
#
# Java runs with --add-modules jdk.incubator.vector (as ./girsanov does), so the products use autodiff's
# Vector-API kernels; the header names the backend that ran.
#
# PyTorch's products go through the system BLAS (Debian's torch: BLAS_INFO=generic, i.e. libblas.so.3, OpenBLAS
# when libopenblas0 is installed). On a VM whose CPUID hides the model OpenBLAS falls back to its SSE3
# "Prescott" kernels (4x slower dgemm); the header prints the core it chose, and
#   OPENBLAS_CORETYPE=SkylakeX benchmarks/perf.sh     # AVX-512 kernels for the PyTorch side
# overrides it (BENCHMARKS.md reports both).
#
# PyTorch runs with OMP_WAIT_POLICY=PASSIVE unless set: on a shared 2-core machine OpenMP's spinning
# worker threads made the 2-thread step ~10x slower (8.4 s vs 0.78 s) - measuring contention, not PyTorch.
set -euo pipefail
cd "$(dirname "$0")/.."
BATCH=${BATCH:-512}
STEPS=${STEPS:-100}
TORCH_DTYPE=${TORCH_DTYPE:-float32}
PY=$(benchmarks/pytorch/ensure-torch.sh)   # finds or installs torch + numpy + OpenBLAS (PYTHON= to choose)
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
if [ -n "${QUICK:-}" ]; then JMH_IT="-wi 2 -w 2 -i 3 -r 3"; PY_IT="--warmup 1 --iters 3"; else JMH_IT="-wi 3 -w 3 -i 5 -r 3"; PY_IT="--warmup 2 --iters 7"; fi
OUT=${OUT:-benchmarks/target/perf}
mkdir -p "$OUT"
echo "# $(date -u +%FT%TZ)  $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cpus, load: $(uptime | sed 's/.*load average: //')"
echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(java -version 2>&1 | head -1), avx512 flags: $(grep -o 'avx512[a-z_0-9]*' /proc/cpuinfo | sort -u | wc -l)"
echo "# torch BLAS: $("$PY" -c "import ctypes, ctypes.util; n = ctypes.util.find_library('openblas'); l = ctypes.CDLL(n) if n else None
if l: l.openblas_get_corename.restype = ctypes.c_char_p
print('OpenBLAS core %s' % l.openblas_get_corename().decode() if l else 'no OpenBLAS (reference libblas)')" 2>/dev/null || echo '?'), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"
# the shaded jar must be rebuilt from scratch: shade re-shading its own previous output keeps stale classes
rm -f cli/target/girsanov.jar cli/target/original-girsanov.jar
mvn -B -q -pl cli -am package -DskipTests -Denforcer.skip >/dev/null
JAVA_VEC=(java --add-modules jdk.incubator.vector -Dgirsanov.kernels="${KERNELS:-vector}")
echo "# kernels: $("${JAVA_VEC[@]}" -jar cli/target/girsanov.jar version --json 2>/dev/null | "$PY" -c 'import json,sys; print(json.load(sys.stdin).get("kernels", "?"))')"
"${JAVA_VEC[@]}" -jar cli/target/girsanov.jar jmh TrainingStepBenchmark -p batch="$BATCH" -p steps="$STEPS" -p threads=1,2 -p precision="${PRECISION:-float64}" -p chunk="${CHUNK:-0}" \
    $JMH_IT -f 1 -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt"
"$PY" benchmarks/pytorch/pis_lv_step.py --batch "$BATCH" --steps "$STEPS" --threads 2 --dtype "$TORCH_DTYPE" $PY_IT \
    | sed "s/\$/ OMP_WAIT_POLICY=$OMP_WAIT_POLICY/" | tee "$OUT/pytorch.txt"
echo "# load after: $(uptime | sed 's/.*load average: //')"
"$PY" - "$OUT/jmh.json" "$OUT/pytorch.txt" <<'PYEOF'
import json, re, sys
runs = json.load(open(sys.argv[1]))
med = {int(r["params"]["threads"]): r["primaryMetric"]["scorePercentiles"]["50.0"] for r in runs}
torch_ms = float(re.search(r"median_ms=([0-9.]+)", open(sys.argv[2]).read()).group(1))
for t in sorted(med):
    print("java  threads=%d median=%.1f ms" % (t, med[t]))
print("torch threads=2 median=%.1f ms" % torch_ms)
if 1 in med and 2 in med:
    print("java speed-up 2 vs 1 thread: %.2fx (goal >= 1.8x: %s)" % (
        med[1] / med[2], "met" if med[1] / med[2] >= 1.8 else "missed"))
ratio = torch_ms / med[2]
print("pytorch / java (2 threads): %.2fx (goal >= 3x: %s; 3x would need java <= %.0f ms)" % (
    ratio, "met" if ratio >= 3 else "missed", torch_ms / 3))
PYEOF
