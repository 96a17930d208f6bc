package org.girsanov.samplers.control;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.targets.Target;

/**
 * The score field {@code s(x, t)} a Langevin-preconditioned control multiplies by its learned time coefficient
 * ({@link LangevinControl}): the target's score, or the interpolations of the reference code of Richter &amp;
 * Berner (ICLR 2024) for the bridge, whose generative control carries {@code (t/T) ∇log ρ} and whose inference
 * control {@code (1 − t/T) ∇log p_prior}. Rows of {@code x} are points; the result is a new matrix of the same shape,
 * any scratch on the way lent by {@code scratch} ({@link Target#score(Tape, DMatrixRMaj)}).
 */
@FunctionalInterface
public interface ScoreField {
    DMatrixRMaj at(Tape scratch, DMatrixRMaj x, double time);

    /** {@code s(x, t) = ∇log ρ(x)}. */
    static ScoreField target(Target target) {
        return (scratch, x, time) -> target.score(scratch, x);
    }

    /** {@code s(x, t) = (t/T) ∇log ρ(x)}: nothing at the prior's end, the target's score at its own. */
    static ScoreField towardsTarget(Target target, double horizon) {
        return (scratch, x, time) -> {
            DMatrixRMaj s = target.score(scratch, x);
            scale(s, time / horizon);
            return s;
        };
    }

    /**
     * {@code s(x, t) = (1 − t/T) ∇log N(x; 0, σ₀² I) = −(1 − t/T) x / σ₀²}: the prior's score at the prior's end,
     * nothing at the target's.
     */
    static ScoreField fromPrior(double priorStd, double horizon) {
        return (scratch, x, time) -> {
            DMatrixRMaj s = x.copy();
            scale(s, -(1 - time / horizon) / (priorStd * priorStd));
            return s;
        };
    }

    private static void scale(DMatrixRMaj m, double c) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] *= c;
        }
    }
}
