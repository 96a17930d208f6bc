package org.girsanov.samplers.annealed;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.mcmc.EvaluationCounter;
import org.girsanov.samplers.mcmc.TemperedDensity;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;

/**
 * The geometric annealing path from {@code p_prior = N(0, s² I)} to the target over the horizon of a time grid
 * (docs/math.md §6, escorted transport):
 * <pre>
 *   log π̃_t(x) = (1 − β_t) log p_prior(x) + β_t log ρ(x),     β_t = β((t − t_0)/(t_N − t_0)),
 * </pre>
 * so {@code π_{t_0} = p_prior} and {@code π_{t_N} = ρ/Z}, with its score {@code ∇log π_t} on the tape. The values
 * are those of {@link TemperedDensity} (the target's closed-form score when it has one).
 *
 * <p><b>The score as a function of a state that carries a gradient.</b> When {@code x} depends on parameters (a
 * path kept on the tape for the KL loss), {@code ∇log π_t(x)} must be differentiable in {@code x}: it is returned
 * as {@code s(x̄) + H(x̄)(x − x̄)}, where {@code x̄} is a fresh leaf holding the value of {@code x},
 * {@code H = ∇²log π_t} (a Hessian–vector product by double backward through {@code log π̃_t}, exact since
 * {@code H} is symmetric) and {@code x − x̄ = 0} in value. The value is {@code s}, the derivative in {@code x} is
 * {@code H}, and the backward pass never re-enters the path before {@code x}. On a detached state the score is a
 * constant.
 */
public final class AnnealingPath {
    private final IsotropicGaussian prior;
    private final Target target;
    private final AnnealingSchedule schedule;
    private final double start;
    private final double span;

    /** @throws IllegalArgumentException unless the schedule increases strictly from 0 to 1 over {@code grid} */
    public AnnealingPath(IsotropicGaussian prior, Target target, AnnealingSchedule schedule, TimeGrid grid) {
        this.prior = Objects.requireNonNull(prior, "AnnealingPath: prior must not be null");
        this.target = Objects.requireNonNull(target, "AnnealingPath: target must not be null");
        this.schedule = Objects.requireNonNull(schedule, "AnnealingPath: schedule must not be null");
        if (prior.dimension() != target.dimension()) {
            throw new IllegalArgumentException("AnnealingPath: the prior has dimension " + prior.dimension()
                    + " but target " + target.name() + " has " + target.dimension());
        }
        schedule.levels(grid);
        this.start = grid.start();
        this.span = grid.end() - grid.start();
    }

    /** The schedule {@code β}. */
    public AnnealingSchedule schedule() {
        return schedule;
    }

    /** {@code β_t = β((t − t_0)/(t_N − t_0))}. */
    public double beta(double t) {
        return schedule.beta((t - start) / span);
    }

    /** {@code β'_t = dβ_t/dt = β'((t − t_0)/(t_N − t_0)) / (t_N − t_0)} ({@link AnnealingSchedule#rate}). */
    public double betaRate(double t) {
        return schedule.rate((t - start) / span) / span;
    }

    /**
     * {@code ∂_t log π̃_t(x) = β'_t (log ρ(x) − log p_prior(x))} per row, on the tape: the time derivative of
     * {@link #logDensity} at fixed {@code x} (Albergo &amp; Vanden-Eijnden 2025, the first term of the NETS residual).
     */
    public Var logDensityRate(Tape tape, Var x, double t) {
        return tape.scale(tape.sub(target.logDensity(tape, x), prior.apply(tape, x)), betaRate(t));
    }

    /** {@code log π̃_t(x) = (1 − β_t) log p_prior(x) + β_t log ρ(x)} per row, on the tape. */
    public Var logDensity(Tape tape, Var x, double t) {
        double b = beta(t);
        Var target = this.target.logDensity(tape, x);
        return b == 1.0 ? target : tape.add(tape.scale(prior.apply(tape, x), 1 - b), tape.scale(target, b));
    }

    /** {@code ∇log π_t(x)} ({@code rows × d}), differentiable in {@code x} when {@code x} carries a gradient. */
    public Var score(Tape tape, Var x, double t) {
        DMatrixRMaj xv = x.value();
        double[] b = new double[xv.numRows];
        Arrays.fill(b, beta(t));
        DMatrixRMaj s = new TemperedDensity(target, prior, new EvaluationCounter()).score(xv, b);
        if (!tape.isRecording() || !x.requiresGrad()) {
            return tape.constant(s);
        }
        Var leaf = tape.input(xv);
        Var grad = tape.grad(logDensity(tape, leaf, t), true, leaf)[0];
        Var hessianTimesDelta = tape.vjp(grad, tape.sub(x, tape.constant(xv)), true, leaf)[0];
        return tape.add(tape.constant(s), hessianTimesDelta);
    }
}
