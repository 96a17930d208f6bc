package org.girsanov.autodiff;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/** Seeded random test data. */
public final class TestData {
    private TestData() {
    }

    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Entries uniform in [lo, hi). */
    public static DMatrixRMaj uniform(UniformRandomProvider rng, int rows, int cols, double lo, double hi) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            m.data[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return m;
    }

    /** Entries with |x| uniform in [lo, hi) and a random sign. */
    public static DMatrixRMaj signedAway(UniformRandomProvider rng, int rows, int cols, double lo, double hi) {
        DMatrixRMaj m = uniform(rng, rows, cols, lo, hi);
        for (int i = 0; i < rows * cols; i++) {
            if (rng.nextBoolean()) {
                m.data[i] = -m.data[i];
            }
        }
        return m;
    }

    public static int between(UniformRandomProvider rng, int lo, int hiInclusive) {
        return lo + rng.nextInt(hiInclusive - lo + 1);
    }

    public static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new AssertionError("shapes differ: " + a.numRows + "x" + a.numCols + " vs " + b.numRows + "x" + b.numCols);
        }
        double d = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
            if (Double.isNaN(a.data[i]) != Double.isNaN(b.data[i])) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return d;
    }

    public static double maxAbs(DMatrixRMaj a) {
        double d = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            d = Math.max(d, Math.abs(a.data[i]));
        }
        return d;
    }
}
