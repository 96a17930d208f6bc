package org.girsanov.autodiff;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Probe distributions for Hutchinson's trace estimator {@code tr J = E[εᵀ J ε]}, valid whenever
 * {@code E[ε] = 0} and {@code E[εεᵀ] = I} (Hutchinson 1989).
 */
public enum Probe {
    /** Independent ±1 signs; the minimum-variance choice. 64 signs are drawn from one {@code nextLong()}. */
    RADEMACHER {
        @Override
        public DMatrixRMaj draw(int rows, int cols, UniformRandomProvider rng) {
            DMatrixRMaj e = new DMatrixRMaj(rows, cols);
            int n = rows * cols;
            long bits = 0;
            for (int i = 0; i < n; i++) {
                if ((i & 63) == 0) {
                    bits = rng.nextLong();
                }
                e.data[i] = (bits & 1L) == 0 ? 1.0 : -1.0;
                bits >>>= 1;
            }
            return e;
        }
    },
    /** Standard normal entries (Ziggurat sampler). */
    GAUSSIAN {
        @Override
        public DMatrixRMaj draw(int rows, int cols, UniformRandomProvider rng) {
            ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
            DMatrixRMaj e = new DMatrixRMaj(rows, cols);
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                e.data[i] = z.sample();
            }
            return e;
        }
    };

    /** A {@code rows × cols} matrix of independent probe entries. */
    public abstract DMatrixRMaj draw(int rows, int cols, UniformRandomProvider rng);
}
