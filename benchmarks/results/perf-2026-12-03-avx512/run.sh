cd "$(dirname "$0")/../../.."
echo "=== vector full" ; OUT=benchmarks/results/perf-2026-12-03-avx512/vector benchmarks/perf.sh
echo "=== scalar quick" ; KERNELS=scalar QUICK=1 OUT=benchmarks/results/perf-2026-12-03-avx512/scalar benchmarks/perf.sh
echo "=== f64 torch"; TORCH_DTYPE=float64 QUICK=1 OUT=benchmarks/results/perf-2026-12-03-avx512/f64 benchmarks/perf.sh
