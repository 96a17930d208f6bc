package org.girsanov.samplers.targets;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A target seen in standardised coordinates: for an affine map {@code x = m + L z} with {@code L} lower triangular and
 * a positive diagonal — the diagonal {@code L = diag(s)} ({@code z = (x − m) ⊘ s}) or the Cholesky factor of a covariance
 * (whitening) — the change of variables gives
 * <pre>
 *   ρ̃(z) = ρ(m + L z) · det L,      ∇_z log ρ̃(z) = Lᵀ ∇_x log ρ(m + L z),      ∫ ρ̃ dz = ∫ ρ dx = Z,
 * </pre>
 * {@code det L = Π_j L_jj}, so {@code log Z} is unchanged, and so is every importance weight: a sampler of density
 * {@code q̃} in {@code z} is one of density {@code q(x) = q̃(z) / det L} in {@code x}, and {@code ρ̃(z) / q̃(z) = ρ(x) / q(x)}.
 * A sampler trained on {@code ρ̃} and read through {@code x = m + L z}
 * ({@link org.girsanov.samplers.families.StandardisedSampler}) is therefore a sampler of {@code ρ} with the same
 * {@code log Z} estimates and ESS; only the geometry it meets is changed — centred and of unit scale when {@code m} and
 * {@code L Lᵀ} are the target's mean and (diagonal or full) covariance, which is what the samplers' unit-scale priors,
 * {@code σ} and exploration assume (docs/math.md §1, "Standardised coordinates"). The name, dimension, {@code log Z}
 * and whether the score is closed-form or the sampler exact are the inner target's. Rows are points: a batch
 * {@code Z} ({@code n × d}) maps to {@code X = Z Lᵀ + 1 mᵀ}.
 */
public final class StandardisedTarget extends ForwardingTarget {
    private final double[] mean;
    /** {@code L}; {@code null} when diagonal. */
    private final DMatrixRMaj factor;
    /** The diagonal of {@code L}. */
    private final double[] scale;
    private final double logJacobian;

    /**
     * The diagonal map {@code x = m + s ⊙ z}.
     *
     * @param inner the target {@code ρ} in {@code x}
     * @param mean  {@code m} (length d)
     * @param scale {@code s} (length d, each finite and {@code > 0})
     */
    public StandardisedTarget(Target inner, double[] mean, double[] scale) {
        this(inner, mean, null, scale);
    }

    /**
     * The map {@code x = m + L z} of a lower-triangular {@code L} ({@code d × d}, finite, positive diagonal; the entries
     * above the diagonal are ignored), e.g. the Cholesky factor of a covariance.
     */
    public StandardisedTarget(Target inner, double[] mean, DMatrixRMaj lower) {
        this(inner, mean, lowerPart(lower, inner.dimension()), diagonalOf(lower));
    }

    private StandardisedTarget(Target inner, double[] mean, DMatrixRMaj factor, double[] scale) {
        super(inner);
        int d = inner.dimension();
        if (mean.length != d || scale.length != d) {
            throw new IllegalArgumentException("StandardisedTarget: mean has " + mean.length + " and scale "
                    + scale.length + " coordinates; the target " + inner.name() + " has " + d);
        }
        double lj = 0;
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j])) {
                throw new IllegalArgumentException("StandardisedTarget: coordinate " + j + " has mean " + mean[j]
                        + " and scale " + scale[j] + "; the mean must be finite, the scale finite and > 0");
            }
            lj += Math.log(scale[j]);
        }
        if (factor != null) {
            for (double v : factor.data) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("StandardisedTarget: the factor L has an entry " + v + "; must be finite");
                }
            }
        }
        this.mean = mean.clone();
        this.factor = factor;
        this.scale = scale.clone();
        this.logJacobian = lj;
    }

    private static DMatrixRMaj lowerPart(DMatrixRMaj l, int d) {
        if (l.numRows != d || l.numCols != d) {
            throw new IllegalArgumentException("StandardisedTarget: the factor L is " + l.numRows + " × " + l.numCols
                    + "; the target has d = " + d);
        }
        DMatrixRMaj lower = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            System.arraycopy(l.data, i * d, lower.data, i * d, i + 1);
        }
        return lower;
    }

    private static double[] diagonalOf(DMatrixRMaj l) {
        double[] s = new double[Math.min(l.numRows, l.numCols)];
        for (int j = 0; j < s.length; j++) {
            s[j] = l.get(j, j);
        }
        return s;
    }

    /** The target in the original coordinates {@code x}. */
    public Target inner() {
        return inner;
    }

    /** {@code m}. */
    public double[] mean() {
        return mean.clone();
    }

    /** The diagonal of {@code L} ({@code s} of the diagonal map). */
    public double[] scale() {
        return scale.clone();
    }

    /** Whether {@code L} is diagonal. */
    public boolean diagonal() {
        return factor == null;
    }

    /** {@code L} ({@code d × d}, a copy). */
    public DMatrixRMaj factor() {
        if (factor != null) {
            return factor.copy();
        }
        DMatrixRMaj l = new DMatrixRMaj(scale.length, scale.length);
        for (int j = 0; j < scale.length; j++) {
            l.set(j, j, scale[j]);
        }
        return l;
    }

    /** {@code x = m + L z}, row by row (a new matrix). */
    public DMatrixRMaj toOriginal(DMatrixRMaj z) {
        int d = mean.length;
        DMatrixRMaj x = new DMatrixRMaj(z.numRows, d);
        for (int r = 0; r < z.numRows; r++) {
            for (int i = 0; i < d; i++) {
                double v;
                if (factor == null) {
                    v = scale[i] * z.data[r * d + i];
                } else {
                    v = 0;
                    for (int j = 0; j <= i; j++) {
                        v += factor.data[i * d + j] * z.data[r * d + j];
                    }
                }
                x.data[r * d + i] = mean[i] + v;
            }
        }
        return x;
    }

    /** {@code z = L⁻¹ (x − m)}, row by row by forward substitution (a new matrix). */
    public DMatrixRMaj toStandardised(DMatrixRMaj x) {
        int d = mean.length;
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, d);
        for (int r = 0; r < x.numRows; r++) {
            for (int i = 0; i < d; i++) {
                double v = x.data[r * d + i] - mean[i];
                if (factor != null) {
                    for (int j = 0; j < i; j++) {
                        v -= factor.data[i * d + j] * z.data[r * d + j];
                    }
                }
                z.data[r * d + i] = v / scale[i];
            }
        }
        return z;
    }

    @Override
    public Var logDensity(Tape tape, Var z) {
        Var lz = factor == null ? tape.mul(z, tape.constant(row(scale))) : tape.matmulNT(z, tape.constant(factor));
        Var x = tape.add(lz, tape.constant(row(mean)));
        return tape.addScalar(inner.logDensity(tape, x), logJacobian);
    }

    @Override
    public DMatrixRMaj score(DMatrixRMaj z) {
        return scaled(inner.score(toOriginal(z)));
    }

    @Override
    public DMatrixRMaj score(Tape scratch, DMatrixRMaj z) {
        return scaled(inner.score(scratch, toOriginal(z)));
    }

    /** {@code Lᵀ g} of every row {@code g}: {@code G L} (in place when diagonal). */
    private DMatrixRMaj scaled(DMatrixRMaj g) {
        int d = scale.length;
        if (factor == null) {
            for (int i = 0; i < g.numRows * d; i++) {
                g.data[i] *= scale[i % d];
            }
            return g;
        }
        DMatrixRMaj out = new DMatrixRMaj(g.numRows, d);
        CommonOps_DDRM.mult(g, factor, out);
        return out;
    }

    /**
     * The inner reference in {@code z} for the diagonal map: {@code log Z} as it is, means {@code (μ − m) ⊘ s}, stds
     * {@code σ ⊘ s}; empty for a full {@code L} (the stds in {@code z} would need the reference's covariance).
     */
    @Override
    public Optional<TargetReference> reference() {
        if (factor != null) {
            return Optional.empty();
        }
        return inner.reference().map(r -> {
            double[] mu = r.mean();
            double[] sd = r.std();
            for (int j = 0; j < mu.length; j++) {
                mu[j] = (mu[j] - mean[j]) / scale[j];
                sd[j] = sd[j] / scale[j];
            }
            return new TargetReference(r.logZ(), r.logZError(), mu, sd, r.source() + ", standardised");
        });
    }

    /** The inner target's marginal stds over {@code s} for the diagonal map; empty for a full {@code L}. */
    @Override
    public Optional<double[]> marginalStd() {
        if (factor != null) {
            return Optional.empty();
        }
        return inner.marginalStd().map(sd -> {
            for (int j = 0; j < sd.length; j++) {
                sd[j] /= scale[j];
            }
            return sd;
        });
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        return toStandardised(inner.sample(n, rng));
    }

    private static DMatrixRMaj row(double[] v) {
        return new DMatrixRMaj(1, v.length, true, v);
    }

    @Override
    public String toString() {
        return "StandardisedTarget[" + inner.name() + ", m=" + Arrays.toString(mean) + (factor == null ? ", s="
                + Arrays.toString(scale) : ", L with diagonal " + Arrays.toString(scale)) + "]";
    }
}
