package org.girsanov.samplers.families;

import org.girsanov.sde.TimeGrid;

/**
 * The variance-preserving OU noising process {@code dY_τ = −β(τ) Y dτ + σ√(2β(τ)) dB_τ} with linear
 * {@code β(τ) = β_min + (β_max − β_min) τ/T}, stationary law {@code N(0, σ² I)}, seen in generative time
 * {@code t = T − τ}. Over a generative step {@code [t_n, t_{n+1}]} its exact transition is
 * {@code N(a_n x, s_n² I)} with {@code a_n = exp(−∫_{t_n}^{t_{n+1}} β(T − s) ds)}, {@code s_n² = σ²(1 − a_n²)}
 * (in either direction, the process being reversible in its stationary law).
 */
record VpNoise(double sigma, double betaMin, double betaMax, double horizon) {

    VpNoise {
        if (!(sigma > 0) || !(betaMin > 0) || !(betaMax >= betaMin) || !(horizon > 0)) {
            throw new IllegalArgumentException("VpNoise: need sigma > 0, 0 < betaMin <= betaMax, T > 0; got sigma="
                    + sigma + ", betaMin=" + betaMin + ", betaMax=" + betaMax + ", T=" + horizon);
        }
    }

    /** {@code β} at generative time {@code t} (noise time {@code T − t}). */
    double beta(double t) {
        double tau = horizon - t;
        return betaMin + (betaMax - betaMin) * tau / horizon;
    }

    /** {@code ∫_a^b β(T − s) ds}. */
    double integratedBeta(double a, double b) {
        double ta = horizon - a;
        double tb = horizon - b;
        return betaMin * (b - a) + (betaMax - betaMin) * (ta * ta - tb * tb) / (2 * horizon);
    }

    /** {@code a_n}. */
    double decay(TimeGrid grid, int n) {
        return Math.exp(-integratedBeta(grid.time(n), grid.time(n + 1)));
    }

    /** {@code s_n}. */
    double transitionStd(TimeGrid grid, int n) {
        double a = decay(grid, n);
        return sigma * Math.sqrt(-Math.expm1(2 * Math.log(a)));
    }

    /** {@code x_n ~ N(a_n x_{n+1}, s_n² I)}: one exact OU step (noising direction), batched. */
    org.ejml.data.DMatrixRMaj sampleTransition(TimeGrid grid, int n, org.ejml.data.DMatrixRMaj x,
                                               org.apache.commons.rng.UniformRandomProvider rng) {
        double a = decay(grid, n);
        double s = transitionStd(grid, n);
        org.ejml.data.DMatrixRMaj xi = org.girsanov.samplers.paths.PathEngine.gaussian(x.numRows, x.numCols, rng);
        org.ejml.data.DMatrixRMaj out = new org.ejml.data.DMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) {
            out.data[i] = a * x.data[i] + s * xi.data[i];
        }
        return out;
    }

    /** {@code n} draws of the stationary law {@code N(0, σ² I)}. */
    org.ejml.data.DMatrixRMaj sampleStationary(int n, int d, org.apache.commons.rng.UniformRandomProvider rng) {
        org.ejml.data.DMatrixRMaj x = org.girsanov.samplers.paths.PathEngine.gaussian(n, d, rng);
        org.ejml.dense.row.CommonOps_DDRM.scale(sigma, x);
        return x;
    }

    /** The diffusion coefficient {@code σ(t) = σ√(2β(T − t))}. */
    double diffusion(double t) {
        return sigma * Math.sqrt(2 * beta(t));
    }
}
