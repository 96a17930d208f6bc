package org.girsanov.samplers.paths;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;

/**
 * A discrete-time pair of path measures (MATH §3): a learned forward (generative) process
 * {@code P→} with kernels {@code p→_n} from {@code p_prior}, and a backward process {@code P←} with
 * kernels {@code p←_n} from the target. Every diffusion sampler of MATH §6 is one of these.
 *
 * <p>The log importance weight of a path {@code x_{0:N}} is written as a boundary term plus a sum of
 * per-step increments,
 * <pre>
 *   log w(x) = B_N(x_N) − B_0(x_0) + Σ_n ℓ_n(x_n, x_{n+1}),
 * </pre>
 * which for plain kernels is {@code B_N = log ρ}, {@code B_0 = log p_prior} and
 * {@code ℓ_n = log p←_n(x_n | x_{n+1}) − log p→_n(x_{n+1} | x_n)}. Samplers with a reference process
 * (PIS, DDS) telescope the reference marginals into the boundary instead: {@code B_N = log ρ − log π_ref},
 * {@code B_0 = 0}, {@code ℓ_n = log p^ref_n(x_{n+1} | x_n) − log p→_n(x_{n+1} | x_n)}, which is the same
 * number, computed without cancelling large terms.
 *
 * <p>The sum form is what lets the off-policy losses stream their gradient step by step (DESIGN
 * invariant 5).
 */
public interface PathModel {

    /** A short name, e.g. {@code pis}. */
    String name();

    Target target();

    /** The dimension {@code d}. */
    default int dimension() {
        return target().dimension();
    }

    /** The training grid. */
    TimeGrid grid();

    /** The same sampler on another grid (e.g. a finer one for evaluation); parameters are shared. */
    PathModel withGrid(TimeGrid grid);

    /** Every learnable parameter, in a stable order. */
    List<Parameter> parameters();

    /** {@code x_0 ~ p_prior}, {@code n × d}. */
    DMatrixRMaj samplePrior(int n, UniformRandomProvider rng);

    /** The forward kernel {@code p→_n(· | x_n)}. */
    GaussianStep forward(Tape t, Var xn, int n);

    /** The increment {@code ℓ_n(x_n, x_{n+1})}, {@code n × 1}; {@code fwd} is {@code forward(t, xn, n)}. */
    Var logIncrement(Tape t, Var xn, Var xNext, int n, GaussianStep fwd);

    /** {@code B_0(x_0)}, {@code n × 1}. */
    Var logStartBoundary(Tape t, Var x0);

    /** {@code B_N(x_N)}, {@code n × 1}. */
    Var logEndBoundary(Tape t, Var xN);

    /** {@code x_n ~ p←_n(· | x_{n+1})}: one step of the backward process, for paths started at target samples. */
    DMatrixRMaj sampleBackward(Tape t, DMatrixRMaj xNext, int n, UniformRandomProvider rng);
}
