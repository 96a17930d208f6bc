package org.girsanov.samplers.targets;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * One normalised Gaussian {@code N(μ, Σ)} with {@code Σ = L Lᵀ} (Cholesky, EJML):
 * <pre>
 *   log N(x; μ, Σ) = −½ |L⁻¹(x − μ)|² − Σ_i log L_ii − (d/2) log 2π
 *   ∇ log N(x; μ, Σ) = −Σ⁻¹ (x − μ)
 *   x = μ + L ξ,  ξ ~ N(0, I)   (exact sampler)
 * </pre>
 * The building block of {@link GaussianTarget} and {@link GaussianMixture}. Immutable.
 */
final class GaussianComponent {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int d;
    private final DMatrixRMaj mean;      // 1 × d
    private final DMatrixRMaj lower;     // L, d × d
    private final DMatrixRMaj whitenT;   // L^{-T}: a row (x − μ) times this is (L⁻¹(x − μ))ᵀ
    private final DMatrixRMaj precision; // Σ⁻¹
    private final double logNormaliser;  // −Σ log L_ii − (d/2) log 2π

    GaussianComponent(String owner, double[] mean, DMatrixRMaj covariance) {
        this.d = mean.length;
        if (d == 0) {
            throw new IllegalArgumentException(owner + ": mean must have at least one coordinate");
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException(owner + ": mean has a non-finite entry " + java.util.Arrays.toString(mean));
            }
        }
        if (covariance.numRows != d || covariance.numCols != d) {
            throw new IllegalArgumentException(owner + ": covariance is " + covariance.numRows + "x" + covariance.numCols
                    + " but the mean has dimension " + d);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = covariance.get(i, j);
                double b = covariance.get(j, i);
                if (!Double.isFinite(a) || Math.abs(a - b) > 1e-12 * (1 + Math.abs(a) + Math.abs(b))) {
                    throw new IllegalArgumentException(owner + ": covariance is not a finite symmetric matrix (entry "
                            + i + "," + j + " = " + a + ", " + j + "," + i + " = " + b + ")");
                }
            }
        }
        this.mean = new DMatrixRMaj(1, d, true, mean);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
        DMatrixRMaj work = covariance.copy();
        if (!chol.decompose(work)) {
            throw new IllegalArgumentException(owner + ": covariance is not positive definite");
        }
        this.lower = chol.getT(null);
        double logDiag = 0;
        for (int i = 0; i < d; i++) {
            double l = lower.get(i, i);
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException(owner + ": covariance is not positive definite (Cholesky pivot " + l + ")");
            }
            logDiag += Math.log(l);
        }
        DMatrixRMaj lowerInv = lower.copy();
        if (!CommonOps_DDRM.invert(lowerInv)) {
            throw new IllegalArgumentException(owner + ": covariance is singular");
        }
        this.whitenT = new DMatrixRMaj(d, d);
        CommonOps_DDRM.transpose(lowerInv, whitenT);
        this.precision = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(lowerInv, lowerInv, precision);
        this.logNormaliser = -logDiag - 0.5 * d * LOG_2PI;
    }

    int dimension() {
        return d;
    }

    double[] mean() {
        return mean.data.clone();
    }

    DMatrixRMaj covariance() {
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(lower, lower, c);
        return c;
    }

    /** {@code log N(x; μ, Σ)} per row on the tape ({@code n × 1}). */
    Var logDensity(Tape tape, Var x) {
        Var z = tape.matmul(tape.sub(x, tape.constant(mean)), tape.constant(whitenT));
        return tape.addScalar(tape.scale(tape.sumCols(tape.square(z)), -0.5), logNormaliser);
    }

    /**
     * {@code out[offset + i] = shift + log N(x_i; μ, Σ)} for the {@code n} points of {@code xt}, stored coordinate-major
     * ({@code xt[k n + i]} is coordinate {@code k} of point {@code i}: every inner loop runs over points, contiguous,
     * which the JIT vectorises); {@code (L⁻¹ v)_j = Σ_{k ≤ j} (L⁻¹)_{jk} v_k} with {@code (L⁻¹)_{jk} = whitenT_{kj}};
     * {@code s} and {@code q} are scratch of length {@code n}.
     */
    void logDensities(double[] xt, int n, double shift, double[] out, int offset, double[] s, double[] q) {
        final double[] w = whitenT.data;
        final double[] mu = mean.data;
        Arrays.fill(q, 0, n, 0.0);
        for (int j = 0; j < d; j++) {
            Arrays.fill(s, 0, n, 0.0);
            for (int k = 0; k <= j; k++) {
                final double wk = w[k * d + j];
                final double mk = mu[k];
                final int xo = k * n;
                for (int i = 0; i < n; i++) {
                    s[i] += wk * (xt[xo + i] - mk);
                }
            }
            for (int i = 0; i < n; i++) {
                q[i] += s[i] * s[i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[offset + i] = shift + (-0.5 * q[i] + logNormaliser);
        }
    }

    /**
     * {@code outT[j n + i] += r_i (−Σ⁻¹(x_i − μ))_j} with {@code r_i = e[offset + i] / z[i]} (a mixture's
     * responsibility), for the {@code n} coordinate-major points of {@code xt} into the coordinate-major
     * {@code outT}; {@code r} and {@code s} are scratch of length {@code n}.
     */
    void addWeightedScores(double[] xt, int n, double[] e, int offset, double[] z, double[] outT, double[] r, double[] s) {
        final double[] pr = precision.data;
        final double[] mu = mean.data;
        for (int i = 0; i < n; i++) {
            r[i] = e[offset + i] / z[i];
        }
        for (int j = 0; j < d; j++) {
            Arrays.fill(s, 0, n, 0.0);
            for (int k = 0; k < d; k++) {
                final double pk = pr[j * d + k];
                final double mk = mu[k];
                final int xo = k * n;
                for (int i = 0; i < n; i++) {
                    s[i] -= pk * (xt[xo + i] - mk);
                }
            }
            final int oo = j * n;
            for (int i = 0; i < n; i++) {
                outT[oo + i] += r[i] * s[i];
            }
        }
    }

    /** Writes {@code −Σ⁻¹(x_i − μ)} of row {@code i} into {@code out}. */
    void score(DMatrixRMaj x, int row, double[] out) {
        final double[] pr = precision.data;
        final double[] xs = x.data;
        final int xo = row * x.numCols;
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s -= pr[j * d + k] * (xs[xo + k] - mean.data[k]);
            }
            out[j] = s;
        }
    }

    /** Writes {@code μ + L ξ} into row {@code row} of {@code out}. */
    void sampleInto(DMatrixRMaj out, int row, ZigguratSampler.NormalizedGaussian gauss, double[] scratch) {
        for (int j = 0; j < d; j++) {
            scratch[j] = gauss.sample();
        }
        for (int j = 0; j < d; j++) {
            double s = mean.data[j];
            for (int k = 0; k <= j; k++) {
                s += lower.get(j, k) * scratch[k];
            }
            out.set(row, j, s);
        }
    }

    /** {@code n} exact samples. */
    DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] scratch = new double[d];
        for (int i = 0; i < n; i++) {
            sampleInto(out, i, g, scratch);
        }
        return out;
    }
}
