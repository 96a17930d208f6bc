package org.girsanov.sde.rnd;

import java.util.Objects;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Drift;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianMoments;

/**
 * The controlled Girsanov form of the log-weight (Richter &amp; Berner, ICLR 2024, Prop. 2.3): the negated
 * left-point discretisation of {@link ControlledRnd},
 * <pre>
 *   B_N = log ρ,   B_0 = log p_prior,
 *   ℓ_n = −[ Δt_n ( (u+v)·(v−u)/2 + ∇·(σv − f) ) + (u+v)·(x_{n+1} − x_n − f Δt_n)/σ ](x_n, t_n),
 * </pre>
 * where the backward (right-point) integral of the kernel ratio has become a divergence. The behaviour's drift
 * cancels ({@code σ dW = dX − (f + σw) dt}), so the form holds on any path; it converges to the same continuous
 * RND as {@link KernelRatio} when {@code Δt → 0} (and agrees exactly for a {@code v} constant in {@code x}).
 * For the streamed losses use a divergence estimator whose probes are keyed by the state
 * ({@link DivergenceEstimator#hutchinsonKeyed}), so both passes see the same probes.
 */
public final class ControlledForm implements LogWeightForm {
    private final ControlledSde sde;
    private final TimeGrid grid;
    private final DivergenceEstimator divergence;
    private final LogDensity prior;
    private final LogDensity target;

    public ControlledForm(ControlledSde sde, TimeGrid grid, DivergenceEstimator divergence, LogDensity prior,
                          LogDensity target) {
        this.sde = Objects.requireNonNull(sde, "ControlledForm: sde must not be null");
        this.grid = Objects.requireNonNull(grid, "ControlledForm: grid must not be null");
        this.divergence = Objects.requireNonNull(divergence, "ControlledForm: divergence estimator must not be null");
        this.prior = Objects.requireNonNull(prior, "ControlledForm: prior must not be null");
        this.target = Objects.requireNonNull(target, "ControlledForm: target must not be null");
    }

    @Override
    public Var increment(Tape tape, int n, Var xn, Var xNext, GaussianMoments forward) {
        return tape.neg(ControlledRnd.stepTerm(tape, grid, n, xn, xNext, sde, Drift.zero(), divergence));
    }

    @Override
    public Var start(Tape tape, Var x0) {
        return prior.apply(tape, x0);
    }

    @Override
    public Var end(Tape tape, Var xN) {
        return target.apply(tape, xN);
    }
}
