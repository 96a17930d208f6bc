#!/usr/bin/env python3
"""Float64 and float32 matrix-product rates of numpy (its BLAS: dgemm, sgemm) on this machine: the reference peaks
against which the training step's FLOP rate is read (BENCHMARKS.md, "Training step performance"), float64 for the
double step, float32 for the step with --precision float32.

Shapes: 1024 x 1024 . 1024 x 1024 (the BLAS's peak), 512 x 64 . 64 x 64 (a whole batch through one hidden
layer) and 64 x 64 . 64 x 64 (one 64-row chunk, the shape the Java step runs). Best of --reps timings of
--inner products each, GFLOP/s = 2 m k n / time.

Usage (OpenBLAS tuning variables unset so that it picks its own kernel for this CPU):
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 benchmarks/pytorch/dgemm_peak.py
"""
import os
import time

import numpy as np


def rate(m, k, n, inner, dtype, reps=7):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((m, k)).astype(dtype)
    b = rng.standard_normal((k, n)).astype(dtype)
    c = np.empty((m, n), dtype=dtype)
    np.matmul(a, b, out=c)
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner):
            np.matmul(a, b, out=c)
        best = min(best, (time.perf_counter() - t0) / inner)
    return 2.0 * m * k * n / best / 1e9, best * 1e6


cfg = np.__config__.blas_opt_info if hasattr(np.__config__, "blas_opt_info") else {}
print("numpy %s blas=%s OPENBLAS_NUM_THREADS=%s" % (
    np.__version__, cfg.get("libraries", "?"), os.environ.get("OPENBLAS_NUM_THREADS", "default")))
for dtype in ("float64", "float32"):
    for m, k, n, inner in ((1024, 1024, 1024, 5), (512, 64, 64, 2000), (64, 64, 64, 20000)):
        g, us = rate(m, k, n, inner, dtype)
        print("%s %dx%d.%dx%d: %.1f GFLOP/s (%.1f us per product, best of 7)" % (dtype, m, k, k, n, g, us))
