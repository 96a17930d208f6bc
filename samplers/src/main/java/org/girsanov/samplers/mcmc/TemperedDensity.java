package org.girsanov.samplers.mcmc;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;

/**
 * The geometric path between a reference and the target (docs/math.md §6, escorted transport / AIS):
 * <pre>
 *   log π_β(x) = (1 − β) log p_ref(x) + β log ρ(x),     ∇log π_β = (1 − β) ∇log p_ref + β ∇log ρ,
 * </pre>
 * with {@code β ∈ [0, 1]} per row. Without a reference ({@code p_ref ≡ 1}) this is plain tempering
 * {@code ρ^β}; at {@code β = 1} it is the target. Every evaluation of the target is recorded in the
 * {@link EvaluationCounter}: the log-density on a {@link Tape#noGrad()} tape, the score in closed form
 * when the target has one, otherwise both from one recorded tape.
 */
public final class TemperedDensity {
    private final Target target;
    private final IsotropicGaussian reference;
    private final EvaluationCounter counter;

    /**
     * @param reference {@code N(0, σ²I)}, or {@code null} for pure tempering
     */
    public TemperedDensity(Target target, IsotropicGaussian reference, EvaluationCounter counter) {
        if (reference != null && reference.dimension() != target.dimension()) {
            throw new IllegalArgumentException("target " + target.name() + " has dimension " + target.dimension()
                    + " but the reference has " + reference.dimension());
        }
        this.target = target;
        this.reference = reference;
        this.counter = counter;
    }

    public Target target() {
        return target;
    }

    /** The reference, or {@code null}. */
    public IsotropicGaussian reference() {
        return reference;
    }

    public EvaluationCounter counter() {
        return counter;
    }

    public int dimension() {
        return target.dimension();
    }

    /**
     * Log-densities and scores of target and reference at every row of {@code x}. A NaN or +∞ log-density
     * is an error naming the target and the point.
     */
    public ChainState evaluate(DMatrixRMaj x) {
        return evaluate(x, false);
    }

    /**
     * As {@link #evaluate(DMatrixRMaj)} for a Metropolis–Hastings proposal: a non-finite point or NaN
     * log-density becomes {@code log ρ = −∞} (so the proposal is rejected) with a zero score.
     */
    public ChainState evaluateProposal(DMatrixRMaj x) {
        return evaluate(x, true);
    }

    private ChainState evaluate(DMatrixRMaj x, boolean proposal) {
        checkShape(x);
        int n = x.numRows;
        double[] lt;
        DMatrixRMaj st;
        if (target.hasClosedFormScore()) {
            lt = logTarget(x);
            st = target.score(x);
            counter.addGradient(n);
        } else {
            Tape t = new Tape();
            Var xv = t.input(x);
            Var lp = target.logDensity(t, xv);
            lt = lp.value().data.clone();
            st = t.grad(lp, false, xv)[0].value();
            counter.addDensity(n);
            counter.addGradient(n);
        }
        if (proposal) {
            int d = x.numCols;
            for (int i = 0; i < n; i++) {
                boolean bad = Double.isNaN(lt[i]) || lt[i] == Double.POSITIVE_INFINITY;
                for (int j = 0; j < d && !bad; j++) {
                    bad = !Double.isFinite(x.data[i * d + j]) || !Double.isFinite(st.data[i * d + j]);
                }
                if (bad) {
                    lt[i] = Double.NEGATIVE_INFINITY;
                    java.util.Arrays.fill(st.data, i * d, (i + 1) * d, 0.0);
                }
            }
        } else {
            check(lt, x);
        }
        double[] lr = reference == null ? new double[n] : reference.logDensity(x);
        DMatrixRMaj sr = reference == null ? new DMatrixRMaj(n, x.numCols) : reference.score(x);
        return new ChainState(x, lt, lr, st, sr);
    }

    /** {@code log ρ} of every row, without gradient. */
    public double[] logTarget(DMatrixRMaj x) {
        checkShape(x);
        Tape t = Tape.noGrad();
        double[] lt = target.logDensity(t, t.constant(x)).value().data.clone();
        counter.addDensity(x.numRows);
        return lt;
    }

    /** {@code ∇log π_{β_i}(x_i)} only (one gradient evaluation per row). */
    public DMatrixRMaj score(DMatrixRMaj x, double[] beta) {
        checkShape(x);
        DMatrixRMaj st = target.score(x);
        counter.addGradient(x.numRows);
        if (!target.hasClosedFormScore()) {
            counter.addDensity(x.numRows);
        }
        DMatrixRMaj sr = reference == null ? new DMatrixRMaj(x.numRows, x.numCols) : reference.score(x);
        return combine(st, sr, beta);
    }

    static DMatrixRMaj combine(DMatrixRMaj scoreTarget, DMatrixRMaj scoreReference, double[] beta) {
        int d = scoreTarget.numCols;
        DMatrixRMaj g = new DMatrixRMaj(scoreTarget.numRows, d);
        for (int i = 0; i < scoreTarget.numRows; i++) {
            double b = beta[i];
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                g.data[k] = b == 1.0 ? scoreTarget.data[k] : b * scoreTarget.data[k] + (1 - b) * scoreReference.data[k];
            }
        }
        return g;
    }

    private void checkShape(DMatrixRMaj x) {
        if (x.numCols != target.dimension()) {
            throw new IllegalArgumentException("target " + target.name() + ": points are " + x.numRows + "x" + x.numCols
                    + " but the target has dimension " + target.dimension());
        }
    }

    private void check(double[] lt, DMatrixRMaj x) {
        for (int i = 0; i < lt.length; i++) {
            if (Double.isNaN(lt[i]) || lt[i] == Double.POSITIVE_INFINITY) {
                double[] row = new double[x.numCols];
                System.arraycopy(x.data, i * x.numCols, row, 0, x.numCols);
                throw new ArithmeticException("target " + target.name() + ": log-density is " + lt[i] + " at x = "
                        + java.util.Arrays.toString(row));
            }
        }
    }
}
