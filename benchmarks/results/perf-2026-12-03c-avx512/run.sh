# Idle runs of 2026-12-03 16:39-17:03 UTC (AMD EPYC with AVX-512), from the repository root:
echo "=== perf.sh at e46b171"; OUT=benchmarks/results/perf-2026-12-03c-avx512/vector benchmarks/perf.sh   # perf.log
benchmarks/results/perf-2026-12-03c-avx512/ab/ab.sh          # PIS-LV step, 83c98dc vs 42075e9, and PyTorch float32 (ab/pytorch.txt: run by hand after, the script's python3 was not Debian's)
benchmarks/results/perf-2026-12-03c-avx512/others/others.sh  # the other JMH benchmarks, e21de06 vs 42075e9
