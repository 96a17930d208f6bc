package org.girsanov.samplers.targets;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Checks;

/**
 * A Gaussian target, optionally unnormalised by a known constant (docs/targets-and-metrics.md, "Gaussian"):
 * <pre>
 *   log ρ(x) = log Z + log N(x; μ, Σ)
 *            = log Z − ½ (x − μ)ᵀ Σ⁻¹ (x − μ) − ½ log det(2π Σ),
 *   ∇log ρ(x) = −Σ⁻¹ (x − μ),      exact samples μ + L ξ with Σ = L Lᵀ.
 * </pre>
 * So {@code ∫ ρ = Z}, which makes it the test case for estimators of {@code log Z}: AIS/SMC with a
 * Gaussian prior have a Gaussian-to-Gaussian path with known answer.
 */
public final class GaussianTarget implements Target {
    private final String name;
    private final GaussianComponent g;
    private final double logZ;

    /**
     * @param name       reported name
     * @param mean       μ (length d)
     * @param covariance Σ ({@code d × d}, symmetric positive definite)
     * @param logZ       log of the (known) normalising constant; 0 for a normalised density
     */
    public GaussianTarget(String name, double[] mean, DMatrixRMaj covariance, double logZ) {
        this.name = name;
        this.g = new GaussianComponent("target " + name, mean.clone(), covariance);
        Checks.finite("target " + name, "log Z", logZ);
        this.logZ = logZ;
    }

    /** {@code N(0, I_d)}, normalised. */
    public static GaussianTarget standard(int d) {
        Checks.atLeast("target gaussian", "dimension", d, 1);
        return isotropic("gaussian" + d, new double[d], 1.0, 0.0);
    }

    /** {@code Z · N(μ, σ² I)}. */
    public static GaussianTarget isotropic(String name, double[] mean, double variance, double logZ) {
        Checks.positive("target " + name, "variance", variance);
        DMatrixRMaj cov = CommonOps_DDRM.identity(mean.length);
        CommonOps_DDRM.scale(variance, cov);
        return new GaussianTarget(name, mean, cov, logZ);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return g.dimension();
    }

    public double[] mean() {
        return g.mean();
    }

    public DMatrixRMaj covariance() {
        return g.covariance();
    }

    @Override
    public Var logDensity(Tape tape, Var x) {
        Checks.columns("target " + name, x.cols(), dimension());
        return tape.addScalar(g.logDensity(tape, x), logZ);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj x) {
        Checks.columns("target " + name, x.numCols, dimension());
        int d = dimension();
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, d);
        double[] row = new double[d];
        for (int i = 0; i < x.numRows; i++) {
            g.score(x, i, row);
            System.arraycopy(row, 0, out.data, i * d, d);
        }
        return out;
    }

    @Override
    public boolean hasClosedFormScore() {
        return true;
    }

    @Override
    public OptionalDouble logZ() {
        return OptionalDouble.of(logZ);
    }

    /** {@code std_j = √Σ_jj}. */
    @Override
    public Optional<double[]> marginalStd() {
        DMatrixRMaj cov = g.covariance();
        double[] std = new double[g.dimension()];
        for (int j = 0; j < std.length; j++) {
            std[j] = Math.sqrt(cov.get(j, j));
        }
        return Optional.of(std);
    }

    @Override
    public boolean hasExactSampler() {
        return true;
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        return g.sample(n, rng);
    }
}
