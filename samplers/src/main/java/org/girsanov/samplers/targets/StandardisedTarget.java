package org.girsanov.samplers.targets;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A target seen in standardised coordinates {@code z = (x − m) ⊘ s}: for {@code x = m + s ⊙ z} (per coordinate,
 * {@code s_j > 0}) the change of variables gives
 * <pre>
 *   ρ̃(z) = ρ(m + s ⊙ z) · Π_j s_j,      ∇_z log ρ̃(z) = s ⊙ ∇_x log ρ(m + s ⊙ z),      ∫ ρ̃ dz = ∫ ρ dx = Z,
 * </pre>
 * so {@code log Z} is unchanged, and so is every importance weight: a sampler of density {@code q̃} in {@code z} is one
 * of density {@code q(x) = q̃(z) / Π_j s_j} in {@code x}, and {@code ρ̃(z) / q̃(z) = ρ(x) / q(x)}. A sampler trained
 * on {@code ρ̃} and read through {@code x = m + s ⊙ z} ({@link org.girsanov.samplers.families.StandardisedSampler}) is
 * therefore a sampler of {@code ρ} with the same {@code log Z} estimates and ESS; only the scale it meets is changed —
 * unit-scale and centred when {@code m} and {@code s} are the target's mean and std, which is what the samplers'
 * unit-scale priors, {@code σ} and exploration assume (docs/math.md §1, "Standardised coordinates"). The name,
 * dimension, {@code log Z} and whether the score is closed-form or the sampler exact are the inner target's.
 */
public final class StandardisedTarget extends ForwardingTarget {
    private final double[] mean;
    private final double[] scale;
    private final double logJacobian;

    /**
     * @param inner the target {@code ρ} in {@code x}
     * @param mean  {@code m} (length d)
     * @param scale {@code s} (length d, each finite and {@code > 0})
     */
    public StandardisedTarget(Target inner, double[] mean, double[] scale) {
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
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.logJacobian = lj;
    }

    /** The target in the original coordinates {@code x}. */
    public Target inner() {
        return inner;
    }

    /** {@code m}. */
    public double[] mean() {
        return mean.clone();
    }

    /** {@code s}. */
    public double[] scale() {
        return scale.clone();
    }

    /** {@code x = m + s ⊙ z}, row by row (a new matrix). */
    public DMatrixRMaj toOriginal(DMatrixRMaj z) {
        DMatrixRMaj x = new DMatrixRMaj(z.numRows, z.numCols);
        int d = mean.length;
        for (int i = 0; i < z.numRows * d; i++) {
            x.data[i] = mean[i % d] + scale[i % d] * z.data[i];
        }
        return x;
    }

    /** {@code z = (x − m) ⊘ s}, row by row (a new matrix). */
    public DMatrixRMaj toStandardised(DMatrixRMaj x) {
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, x.numCols);
        int d = mean.length;
        for (int i = 0; i < x.numRows * d; i++) {
            z.data[i] = (x.data[i] - mean[i % d]) / scale[i % d];
        }
        return z;
    }

    @Override
    public Var logDensity(Tape tape, Var z) {
        Var x = tape.add(tape.mul(z, tape.constant(row(scale))), tape.constant(row(mean)));
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

    /** {@code s ⊙ g} row by row, in place. */
    private DMatrixRMaj scaled(DMatrixRMaj g) {
        int d = scale.length;
        for (int i = 0; i < g.numRows * d; i++) {
            g.data[i] *= scale[i % d];
        }
        return g;
    }

    /** The inner reference in {@code z}: {@code log Z} as it is, means {@code (μ − m) ⊘ s}, stds {@code σ ⊘ s}. */
    @Override
    public Optional<TargetReference> reference() {
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

    @Override
    public Optional<double[]> marginalStd() {
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
        return "StandardisedTarget[" + inner.name() + ", m=" + Arrays.toString(mean) + ", s=" + Arrays.toString(scale) + "]";
    }
}
