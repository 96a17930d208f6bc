package org.girsanov.sde.kernel;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/**
 * A Markov kernel that is Gaussian given the conditioning state, {@code p_n(· | prev) = N(m_n(prev), diag(s_n(prev)²))}.
 * Every kernel of the samplers is one: Euler–Maruyama steps, exact linear-Gaussian transitions and reversals,
 * controlled transitions and learned-variance kernels. {@link #moments} is the whole contract; sampling and
 * the log-density follow from it, so the path engine evaluates a learned kernel once per step.
 */
public interface GaussianKernel extends MarkovKernel {

    /** {@code (m_n(prev), s_n(prev))} on the tape. */
    GaussianMoments moments(Tape tape, Var prev, int n);

    @Override
    default Var step(Tape tape, Var prev, int n, DMatrixRMaj z) {
        MarkovKernel.checkStep(getClass().getSimpleName() + ".step", grid(), prev, n, z);
        return moments(tape, prev, n).step(tape, z);
    }

    @Override
    default Var logDensity(Tape tape, Var next, Var prev, int n) {
        MarkovKernel.checkDensity(getClass().getSimpleName() + ".logDensity", grid(), next, prev, n);
        return moments(tape, prev, n).logDensity(tape, next);
    }
}
