package org.girsanov.samplers.pinn;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;

/** Small PINN instances with perturbed networks ({@code b_θ ≠ 0}, {@code N_φ ≠ 0}, {@code c_φ ≠ 0}) for the tests. */
final class PinnFixtures {
    static final GaussianTarget TARGET = GaussianTarget.isotropic("gauss", new double[] {1.0, -0.5}, 0.6, Math.log(1.5));

    private PinnFixtures() {
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.SPLIT_MIX_64.create(seed);
    }

    /** Adds {@code N(0, scale²)} to every weight. */
    static void perturb(List<Parameter> ps, double scale, long seed) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng(seed));
        for (Parameter p : ps) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += scale * g.sample();
            }
        }
    }

    /** PINN on {@code 1.5 · N((1, −0.5), 0.6 I)}, σ = 0.8, prior N(0, I), T = 1, both networks perturbed. */
    static Pinn pinn(int steps, long seed) {
        TimeGrid grid = TimeGrid.uniform(1.0, steps);
        FourierMlp b = new FourierMlp("b", 2, 2, 8, 1, rng(seed));
        perturb(b.parameters(), 0.3, seed + 1);
        LogDensityNet u = new LogDensityNet("u", IsotropicGaussian.centred(2, 1.0), TARGET, grid, 8, 1, rng(seed + 2));
        perturb(u.parameters(), 0.3, seed + 3);
        return new Pinn(TARGET, grid, b, u, 0.8, 1.0);
    }
}
