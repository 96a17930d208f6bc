package org.girsanov.samplers.metrics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/** Seeded test samples. */
final class TestData {
    private TestData() {}

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** K×d matrix of N(shift, scale²) entries. */
    static DMatrixRMaj gaussian(int k, int d, double shift, double scale, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng(seed));
        DMatrixRMaj m = new DMatrixRMaj(k, d);
        for (int i = 0; i < k * d; i++) {
            m.data[i] = shift + scale * g.sample();
        }
        return m;
    }

    /** Rows of {@code m} in the order given by a seeded random permutation. */
    static DMatrixRMaj permuteRows(DMatrixRMaj m, long seed) {
        int[] p = new org.apache.commons.rng.sampling.PermutationSampler(rng(seed), m.numRows, m.numRows).sample();
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, p[i] * m.numCols, out.data, i * m.numCols, m.numCols);
        }
        return out;
    }
}
