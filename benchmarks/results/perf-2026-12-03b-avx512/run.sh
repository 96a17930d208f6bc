# Idle re-measure after the Workspace (commit 4b9479c): perf.sh float32 and float64 PyTorch, then the A/B against bf6ae1f
cd "$(dirname "$0")/../../.."
echo "=== vector full, torch float32" ; OUT=benchmarks/results/perf-2026-12-03b-avx512/vector benchmarks/perf.sh
echo "=== vector full, torch float64"; TORCH_DTYPE=float64 OUT=benchmarks/results/perf-2026-12-03b-avx512/f64 benchmarks/perf.sh
