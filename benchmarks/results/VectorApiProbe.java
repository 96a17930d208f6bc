import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API probe (not part of the build: the project targets plain Java 17): what the incubator Vector
 * API would give on the training step's two hot kernels, a 64x64.64x64 product (register tiles of 4 rows
 * x 2 vectors, FMA) and GELU (tanh form through a vector EXP) on 4096 elements, against the same scalar
 * three-pass GELU as autodiff's Kernels. Per-thread CPU time, median and best of 25 rounds. Results are
 * not bitwise those of Kernels (FMA, summation order, a different exp); the max relative GELU difference
 * is printed. Run from the repository root, on Java 17 or later:
 *
 *   java --add-modules jdk.incubator.vector benchmarks/results/VectorApiProbe.java
 *   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector benchmarks/results/VectorApiProbe.java
 */
public class VectorApiProbe {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static long state = 1;

    /** Uniform [0, 1) from a SplitMix64 sequence (self-contained: the probe runs as a single source file). */
    static double nextDouble() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    }
    // C = A B, row-major, register tile 4 rows x 2 vectors
    static void mm(double[] a, double[] b, double[] c, int m, int p, int n) {
        int L = S.length();
        for (int i = 0; i < m; i += 4) {
            for (int j = 0; j < n; j += 2 * L) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                for (int k = 0; k < p; k++) {
                    DoubleVector b0 = DoubleVector.fromArray(S, b, k * n + j);
                    DoubleVector b1 = DoubleVector.fromArray(S, b, k * n + j + L);
                    DoubleVector a0 = DoubleVector.broadcast(S, a[i * p + k]);
                    DoubleVector a1 = DoubleVector.broadcast(S, a[(i + 1) * p + k]);
                    DoubleVector a2 = DoubleVector.broadcast(S, a[(i + 2) * p + k]);
                    DoubleVector a3 = DoubleVector.broadcast(S, a[(i + 3) * p + k]);
                    c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
                    c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
                    c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
                    c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
                }
                c00.intoArray(c, i * n + j); c01.intoArray(c, i * n + j + L);
                c10.intoArray(c, (i + 1) * n + j); c11.intoArray(c, (i + 1) * n + j + L);
                c20.intoArray(c, (i + 2) * n + j); c21.intoArray(c, (i + 2) * n + j + L);
                c30.intoArray(c, (i + 3) * n + j); c31.intoArray(c, (i + 3) * n + j + L);
            }
        }
    }
    static void geluVec(double[] x, double[] y, int len) {
        int L = S.length();
        for (int i = 0; i < len; i += L) {
            DoubleVector a = DoubleVector.fromArray(S, x, i);
            DoubleVector u = a.mul(a).mul(a).mul(0.044715).add(a).mul(Math.sqrt(2 / Math.PI) * 2.0);
            DoubleVector e = u.lanewise(VectorOperators.EXP);
            DoubleVector t = DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(e.add(1.0)));
            a.mul(0.5).mul(t.add(1.0)).intoArray(y, i);
        }
    }
    static void geluScalar(double[] x, double[] y, int len) {
        for (int i = 0; i < len; i++) { double a = x[i]; y[i] = 2.0 * (Math.sqrt(2 / Math.PI) * (a + 0.044715 * a * a * a)); }
        for (int i = 0; i < len; i++) y[i] = Math.exp(y[i]);
        for (int i = 0; i < len; i++) y[i] = 0.5 * x[i] * (1.0 + (1.0 - 2.0 / (1.0 + y[i])));
    }
    public static void main(String[] args) {
        int m = 64, p = 64, n = 64;
        double[] a = new double[m * p], b = new double[p * n], c = new double[m * n];
        for (int i = 0; i < a.length; i++) a[i] = nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = nextDouble();
        double[] x = new double[4096], y = new double[4096], y2 = new double[4096];
        for (int i = 0; i < x.length; i++) x[i] = 6 * nextDouble() - 3;
        java.lang.management.ThreadMXBean tb = java.lang.management.ManagementFactory.getThreadMXBean();
        double[][] res = new double[3][30];
        for (int round = 0; round < 30; round++) {
            long t0 = tb.getCurrentThreadCpuTime(); for (int q = 0; q < 5000; q++) mm(a, b, c, m, p, n); res[0][round] = (tb.getCurrentThreadCpuTime() - t0) / 5e3 / 1e3;
            t0 = tb.getCurrentThreadCpuTime(); for (int q = 0; q < 5000; q++) geluVec(x, y, 4096); res[1][round] = (tb.getCurrentThreadCpuTime() - t0) / 5e3 / 1e3;
            t0 = tb.getCurrentThreadCpuTime(); for (int q = 0; q < 5000; q++) geluScalar(x, y2, 4096); res[2][round] = (tb.getCurrentThreadCpuTime() - t0) / 5e3 / 1e3;
        }
        double maxRel = 0; for (int i = 0; i < 4096; i++) maxRel = Math.max(maxRel, Math.abs(y[i] - y2[i]) / Math.max(1e-300, Math.abs(y2[i])));
        String[] names = {"vector mm 64^3", "vector gelu 4096", "scalar gelu 4096 (3-pass)"};
        System.out.println(System.getProperty("java.version") + " species " + S);
        for (int v = 0; v < 3; v++) { double[] l = Arrays.copyOfRange(res[v], 5, 30); Arrays.sort(l);
            System.out.printf("%s: median %.1f us, min %.1f us%s%n", names[v], l[12], l[0], v == 0 ? String.format(" (%.1f GMAC/s at median)", m * p * n / l[12] / 1e3) : ""); }
        System.out.printf("gelu max relative difference vector vs scalar: %.2e%n", maxRel);
    }
}
