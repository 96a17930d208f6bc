package org.girsanov.samplers.families;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.marginal.MixtureNoisingProcess;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.Drift;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.GaussianMoments;

/**
 * One step of the time reversal of a Gaussian mixture's noising process ({@link MixtureNoisingProcess}), the reference
 * of LRDS (Noble, Grenioux, Gabrié &amp; Durmus 2024), with an optional control. In generative time {@code t = T − τ},
 * with {@code B_n = ∫_{τ_{n+1}}^{τ_n} β}, {@code τ_n = T − t_n}, the exponential integrator with the closed-form
 * score {@code ∇log p_τ} frozen at the left point and the control {@code φ} added with the gain
 * {@code λ_n = s_n √Δt_n}:
 * <pre>
 *   p_n(x_{n+1} | x_n) = N(x_{n+1}; e^{B_n} x_n + 2σ_∞²(e^{B_n} − 1) ∇log p_{τ_n}(x_n) + λ_n φ(x_n, t_n), s_n² I),
 *   s_n² = σ_∞² (e^{2B_n} − 1).
 * </pre>
 * Without control it is the reference kernel {@code p^ref_n}; with it, {@code log p^ref_n − log p→_n} on a path of
 * this kernel is {@code −½|φ|²Δt_n − φ·√Δt_n ξ}, the discretised {@code −(∫ ½|φ|² dt + ∫ φᵀ dB)} of the LRDS loss.
 *
 * <p>The score is differentiable in {@code x} when {@code x} carries a gradient (a path kept on the tape for the KL
 * loss): it is returned as {@code s(x̄) + H(x̄)(x − x̄)} with {@code x̄} a fresh leaf of {@code x}'s value and
 * {@code H = ∇²log p_τ} by double backward (the construction of {@link org.girsanov.samplers.annealed.AnnealingPath}).
 */
final class MixtureReversalStep implements GaussianKernel {
    private final MixtureNoisingProcess noising;
    private final TimeGrid grid;
    private final Drift control;
    private final GaussianMixture[] marginals;

    /** @param control {@code φ(x, t)}, or {@code null} for the reference kernel */
    MixtureReversalStep(MixtureNoisingProcess noising, TimeGrid grid, Drift control) {
        this.noising = Objects.requireNonNull(noising, "MixtureReversalStep: noising process must not be null");
        this.grid = Objects.requireNonNull(grid, "MixtureReversalStep: grid must not be null");
        this.control = control;
        this.marginals = new GaussianMixture[grid.steps()];
        for (int n = 0; n < grid.steps(); n++) {
            marginals[n] = noising.marginal(tau(n));
        }
    }

    private double tau(int n) {
        return Math.max(0.0, grid.end() - grid.time(n));
    }

    private double stepIntegral(int n) {
        return noising.schedule().betaIntegral(tau(n + 1), tau(n));
    }

    @Override
    public TimeGrid grid() {
        return grid;
    }

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    /** {@code s_n = σ_∞ √(e^{2B_n} − 1)}. */
    double std(int n) {
        double sig = noising.schedule().stationarySigma();
        return sig * Math.sqrt(Math.expm1(2 * stepIntegral(n)));
    }

    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        double b = stepIntegral(n);
        double sig2 = noising.schedule().stationarySigma() * noising.schedule().stationarySigma();
        Var mean = tape.add(tape.scale(prev, Math.exp(b)), tape.scale(score(tape, prev, n), 2 * sig2 * Math.expm1(b)));
        if (control != null) {
            mean = tape.add(mean, tape.scale(control.apply(tape, prev, grid.time(n)), std(n) * Math.sqrt(grid.dt(n))));
        }
        return GaussianMoments.isotropic(tape, mean, std(n));
    }

    private Var score(Tape tape, Var x, int n) {
        DMatrixRMaj xv = x.value();
        DMatrixRMaj s = marginals[n].score(xv);
        if (!tape.isRecording() || !x.requiresGrad()) {
            return tape.constant(s);
        }
        Var leaf = tape.input(xv);
        Var grad = tape.grad(marginals[n].logDensity(tape, leaf), true, leaf)[0];
        Var hessianTimesDelta = tape.vjp(grad, tape.sub(x, tape.constant(xv)), true, leaf)[0];
        return tape.add(tape.constant(s), hessianTimesDelta);
    }
}
