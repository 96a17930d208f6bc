package org.girsanov.verification.samplers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.FollmerControl;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.losses.LogFlow;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.verification.Generator;

/** A random Gaussian target {@code Z · N(m, s² I)}, {@code d ∈ 1..3}, and PIS samplers for it. */
record GaussianCase(double[] mean, double variance, double logZ, long weightSeed) {
    static final double SIGMA = Math.sqrt(0.2);
    static final double HORIZON = 5.0;

    /** {@code m ∈ [−1.5, 1.5]^d}, {@code s² ∈ [0.3, 1.5]}, {@code log Z ∈ [−2, 2]}. */
    static Generator<GaussianCase> generator() {
        return rng -> {
            int d = 1 + rng.nextInt(3);
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                m[j] = -1.5 + 3 * rng.nextDouble();
            }
            return new GaussianCase(m, 0.3 + 1.2 * rng.nextDouble(), -2 + 4 * rng.nextDouble(), rng.nextLong());
        };
    }

    int dimension() {
        return mean.length;
    }

    GaussianTarget target() {
        return GaussianTarget.isotropic("gauss", mean, variance, logZ);
    }

    /** PIS with the Föllmer control, perturbation θ. */
    Pis follmer(int steps, double theta) {
        return FollmerControl.optimalPis(mean, variance, logZ, SIGMA, HORIZON, steps, theta);
    }

    /** PIS with a small Fourier-MLP control whose weights (output layer included) are perturbed. */
    Pis network(int steps, int width) {
        FourierMlp net = new FourierMlp("u", dimension(), dimension(), width, 1, rng(weightSeed));
        perturb(net.parameters(), 0.2, weightSeed + 1);
        return new Pis(target(), TimeGrid.uniform(HORIZON, steps), net, SIGMA);
    }

    /** A perturbed Fourier-MLP log-flow with {@code log Z_θ = 0.3}. */
    LogFlow flow(int width) {
        return flow(width, dimension());
    }

    /** The same on states of dimension {@code states} (a phase-space sampler's {@code 2d}). */
    LogFlow flow(int width, int states) {
        FourierMlp net = new FourierMlp("F", states, 1, width, 1, rng(weightSeed + 2));
        perturb(net.parameters(), 0.3, weightSeed + 3);
        LogFlow f = new LogFlow(net, "F.logZ");
        f.logZ().value().data[0] = 0.3;
        return f;
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static void perturb(List<Parameter> ps, double scale, long seed) {
        UniformRandomProvider r = rng(seed);
        for (Parameter p : ps) {
            double[] z = NoiseSource.of(r).standardNormal(0, 1, p.size()).data;
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += scale * z[i];
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GaussianCase(mean=%s, variance=%.4f, logZ=%.4f, weightSeed=%dL)",
                Arrays.toString(mean), variance, logZ, weightSeed);
    }
}
