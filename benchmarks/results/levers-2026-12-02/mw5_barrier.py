"""Where the mw5 samples go: mode balance and the barrier stragglers.

Usage: /usr/bin/python3 mw5_barrier.py RUN/samples.csv   (numpy; the samples of a `girsanov train` run on mw5)
Prints the fraction of positive coordinates, the count per orthant (32 modes), and per coordinate the share of
samples in the barrier |x| < 1 against the target's (exp(-(x^2-4)^2) by quadrature).
"""
import sys
import numpy as np

x = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
g = np.linspace(-4, 4, 200001)
w = np.exp(-(g ** 2 - 4) ** 2)
w /= w.sum()
print("fraction positive per coordinate", np.round((x > 0).mean(0), 4))
codes = ((x > 0) * (1 << np.arange(x.shape[1]))).sum(1)
counts = np.bincount(codes, minlength=2 ** x.shape[1])
print("samples per mode: min %d max %d expected %.0f" % (counts.min(), counts.max(), len(x) / 2 ** x.shape[1]))
print("target share of |x| < 1 per coordinate: %.2e" % w[np.abs(g) < 1].sum())
for j in range(x.shape[1]):
    inner = x[x[:, j] > 1.2, j]
    print("x%d: share |x| < 1 = %.4f; mode x > 1.2: mean %.3f std %.3f" % (j + 1, (np.abs(x[:, j]) < 1).mean(), inner.mean(), inner.std()))
