package org.girsanov.samplers.nets;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;

/** Small NETS instances with perturbed networks (so that {@code b_θ ≠ 0}, {@code G_φ ≠ 0}) for the tests. */
final class NetsFixtures {
    private NetsFixtures() {
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

    static FourierMlp transport(int d, long seed) {
        FourierMlp b = new FourierMlp("b", d, d, 8, 1, rng(seed));
        perturb(b.parameters(), 0.3, seed + 1);
        return b;
    }

    static FreeEnergyNet freeEnergy(long seed) {
        FreeEnergyNet f = new FreeEnergyNet("F", 6, 1, rng(seed));
        perturb(f.parameters(), 0.3, seed + 1);
        return f;
    }

    /** NETS on {@code 1.5 · N((1, −0.5), 0.6 I)}, ε = 0.5, prior N(0, I), linear β, T = 1. */
    static Nets nets(int steps, long seed) {
        GaussianTarget target = GaussianTarget.isotropic("gauss", new double[] {1.0, -0.5}, 0.6, Math.log(1.5));
        return new Nets(target, TimeGrid.uniform(1.0, steps), transport(2, seed), 0.5, 1.0, AnnealingSchedule.linear());
    }
}
