package org.girsanov.samplers.families;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.paths.GaussianDensity;
import org.girsanov.samplers.paths.PathModel;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;

/**
 * The Denoising Diffusion Sampler (Vargas, Grathwohl &amp; Doucet, ICLR 2023): the reference is the VP
 * Ornstein–Uhlenbeck process {@code dX = −β X dt + σ√(2β) dW} started in its stationary law
 * {@code π_ref = p_prior = N(0, σ² I)}; the control is added to its exact transitions (exponential
 * integrator), {@code x_{n+1} = a_n x_n + λ_n u + s_n ξ}. The backward process is the same OU, reversible in
 * {@code π_ref}, started at the target.
 */
public final class Dds extends ReferenceControlledSampler {
    private final VpNoise noise;

    public Dds(Target target, TimeGrid grid, Control control, double sigma, double betaMin, double betaMax) {
        this(target, grid, control, new VpNoise(sigma, betaMin, betaMax, grid.end()));
    }

    private Dds(Target target, TimeGrid grid, Control control, VpNoise noise) {
        super(target, grid, control, decays(noise, grid), stds(noise, grid));
        this.noise = noise;
    }

    private static double[] decays(VpNoise noise, TimeGrid grid) {
        double[] a = new double[grid.steps()];
        for (int n = 0; n < a.length; n++) {
            a[n] = noise.decay(grid, n);
        }
        return a;
    }

    private static double[] stds(VpNoise noise, TimeGrid grid) {
        double[] s = new double[grid.steps()];
        for (int n = 0; n < s.length; n++) {
            s[n] = noise.transitionStd(grid, n);
        }
        return s;
    }

    @Override
    public String name() {
        return "dds";
    }

    @Override
    public PathModel withGrid(TimeGrid g) {
        return new Dds(target, g, control, noise);
    }

    @Override
    protected Var logReferenceTerminal(Tape t, Var x) {
        return GaussianDensity.logDensityIsotropic(t, x, noise.sigma());
    }

    @Override
    public DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
        return noise.sampleStationary(n, dimension(), rng);
    }

    @Override
    public DMatrixRMaj sampleBackward(Tape t, DMatrixRMaj xNext, int n, UniformRandomProvider rng) {
        return noise.sampleTransition(grid, n, xNext, rng);
    }
}
