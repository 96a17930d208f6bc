package org.girsanov.samplers.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * The reference (prior) {@code N(0, σ² I_d)} of annealing paths:
 * {@code log p(x) = −|x|²/(2σ²) − (d/2) log(2πσ²)}, {@code ∇log p(x) = −x/σ²}. Normalised, so annealing
 * from it estimates {@code Z} itself.
 */
public final class IsotropicGaussian {
    private final int d;
    private final double sigma;

    public IsotropicGaussian(int d, double sigma) {
        if (d < 1) {
            throw new IllegalArgumentException("IsotropicGaussian: dimension must be at least 1, got " + d);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("IsotropicGaussian: σ must be positive and finite, got " + sigma);
        }
        this.d = d;
        this.sigma = sigma;
    }

    public int dimension() {
        return d;
    }

    public double sigma() {
        return sigma;
    }

    /** {@code log p} of every row. */
    public double[] logDensity(DMatrixRMaj x) {
        double[] out = new double[x.numRows];
        double c = -0.5 * d * Math.log(2 * Math.PI * sigma * sigma);
        double inv = 1.0 / (sigma * sigma);
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = x.data[i * d + j];
                s += v * v;
            }
            out[i] = c - 0.5 * inv * s;
        }
        return out;
    }

    /** {@code −x/σ²}. */
    public DMatrixRMaj score(DMatrixRMaj x) {
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numCols);
        double inv = -1.0 / (sigma * sigma);
        for (int i = 0; i < x.getNumElements(); i++) {
            g.data[i] = inv * x.data[i];
        }
        return g;
    }

    /** {@code n} exact samples. */
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = sigma * g.sample();
        }
        return x;
    }
}
