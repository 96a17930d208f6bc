package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.samplers.train.PathBatch;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.rnd.KernelRatio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Families whose optimum lies in the family at every N: there {@code log w ≡ log Z} on every path, not only as
 * {@code Δt → 0}. A kernel whose variance the control cannot reach (DIS with Euler–Maruyama variance against the
 * exact OU backward kernel) fails this at every finite N. And the telescoped form equals the kernel ratio with the
 * reference's exact reversal, path by path, for any control.
 */
class ExactOptimumTest {

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A Fourier MLP with a zero output layer: {@code u ≡ 0}, with parameters. */
    static FourierMlp zero(String name, int d, long seed) {
        return new FourierMlp(name, d, d, 8, 1, rng(seed));
    }

    /** A Fourier MLP with every weight perturbed. */
    static Control perturbed(String name, int d, long seed) {
        FourierMlp net = new FourierMlp(name, d, d, 8, 1, rng(seed));
        UniformRandomProvider r = rng(seed + 1);
        for (Parameter p : net.parameters()) {
            double[] z = NoiseSource.of(r).standardNormal(0, 1, p.size()).data;
            for (int i = 0; i < p.size(); i++) {
                p.value().data[i] += 0.3 * z[i];
            }
        }
        return net;
    }

    static double maxAbsDeviation(double[] x, double c) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v - c));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 20, 100})
    void vpFamiliesWithZeroControlAreExactForTheirStationaryLaw(int steps) {
        UniformRandomProvider r = rng(31L * steps);
        int d = 1 + r.nextInt(4);
        double sigma = 0.5 + r.nextDouble();
        double logZ = -2 + 4 * r.nextDouble();
        GaussianTarget target = GaussianTarget.isotropic("stationary", new double[d], sigma * sigma, logZ);
        TimeGrid grid = TimeGrid.uniform(1.0, steps);
        for (Sampler s : List.<Sampler>of(new Dis(target, grid, zero("u", d, 1), sigma, 0.1, 10.0),
                new Dds(target, grid, zero("u", d, 2), sigma, 0.1, 10.0))) {
            double[] lw = TestPaths.paths(s, 500, null, steps).logWeights();
            assertTrue(maxAbsDeviation(lw, logZ) < 1e-9, s.name() + " N=" + steps + " d=" + d
                    + ": log w − log Z up to " + maxAbsDeviation(lw, logZ));
            double[] back = TestPaths.paths(s, 200, target.sample(200, rng(5)), 9).logWeights();
            assertTrue(maxAbsDeviation(back, logZ) < 1e-9, s.name() + " backward paths: " + maxAbsDeviation(back, logZ));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 50})
    void gfnWithZeroNetworksIsExactForTheBrownianLaw(int steps) {
        UniformRandomProvider r = rng(77L + steps);
        int d = 1 + r.nextInt(3);
        double sigma = 0.3 + r.nextDouble();
        double horizon = 1 + 4 * r.nextDouble();
        double logZ = -1 + 2 * r.nextDouble();
        GaussianTarget target = GaussianTarget.isotropic("brownian", new double[d], sigma * sigma * horizon, logZ);
        Gfn gfn = new Gfn(target, TimeGrid.uniform(horizon, steps), zero("u", d, 3), zero("c", d, 4), sigma);
        double[] lw = TestPaths.paths(gfn, 500, null, 4).logWeights();
        assertTrue(maxAbsDeviation(lw, logZ) < 1e-9, "GFN N=" + steps + ": " + maxAbsDeviation(lw, logZ));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 40})
    void telescopedFormEqualsTheKernelRatioWithTheExactReversal(int steps) {
        UniformRandomProvider r = rng(5L + steps);
        int d = 1 + r.nextInt(3);
        GaussianTarget target = GaussianTarget.isotropic("g", new double[] {0.7, -0.3, 1.1}, 0.6, 0.4);
        GaussianTarget t = d == 3 ? target : GaussianTarget.isotropic("g", new double[d], 0.6, 0.4);
        Pis pis = new Pis(t, TimeGrid.uniform(5.0, steps), perturbed("u", d, 6), 0.6);
        Dds dds = new Dds(t, TimeGrid.uniform(1.0, steps), perturbed("u", d, 7), 1.2, 0.1, 10.0);
        Sampler pisRatio = withForm(pis, KernelRatio.fromPoint(pis.backward(), t::logDensity));
        Sampler ddsRatio = withForm(dds, KernelRatio.of(dds.backward(), dds.prior(), t::logDensity));
        for (Sampler[] pair : new Sampler[][] {{pis, pisRatio}, {dds, ddsRatio}}) {
            PathBatch a = TestPaths.paths(pair[0], 300, null, 11);
            PathBatch b = TestPaths.paths(pair[1], 300, null, 11);
            for (int i = 0; i < a.logWeights().length; i++) {
                assertEquals(a.logWeights()[i], b.logWeights()[i], 1e-8 * (1 + Math.abs(a.logWeights()[i])),
                        pair[0].name() + " path " + i);
            }
            PathBatch back = TestPaths.paths(pair[0], 200, t.sample(200, rng(8)), 12);
            PathBatch backRatio = TestPaths.paths(pair[1], 200, t.sample(200, rng(8)), 12);
            for (int i = 0; i < back.logWeights().length; i++) {
                assertEquals(back.logWeights()[i], backRatio.logWeights()[i], 1e-8 * (1 + Math.abs(back.logWeights()[i])),
                        pair[0].name() + " backward path " + i);
            }
        }
    }

    /** {@code s} with another log-weight form. */
    static Sampler withForm(ComposedSampler s, org.girsanov.sde.rnd.LogWeightForm form) {
        return new ComposedSampler(s.target(), s.grid(), s.prior(), s.forward(), s.backward(), form, s.parameters()) {
            @Override
            public String name() {
                return s.name() + "-ratio";
            }

            @Override
            public Sampler withGrid(TimeGrid grid) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
