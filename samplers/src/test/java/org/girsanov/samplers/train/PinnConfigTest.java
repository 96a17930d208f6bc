package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.pinn.LogDensityNet;
import org.girsanov.samplers.pinn.Pinn;
import org.girsanov.samplers.pinn.PinnLoss;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.junit.jupiter.api.Test;

/**
 * The pinn kinds in a {@link TrainingConfig} and bad input to {@link Pinn}, {@link LogDensityNet} and
 * {@link PinnLoss}: each error names the argument and the allowed values; defaults are the residual loss, the exact
 * divergences, no Langevin term; the config round-trips.
 */
class PinnConfigTest {
    static final GaussianTarget GAUSS = GaussianTarget.isotropic("gauss", new double[] {1.0}, 0.5, 0.0);
    static final GaussianTarget OTHER = GaussianTarget.isotropic("other", new double[] {2.0}, 0.5, 0.0);

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    static TrainingConfig.Builder pinn() {
        return TrainingConfig.defaults("gmm9", SamplerKind.PINN, LossKind.PINN).toBuilder();
    }

    @Test
    void defaultsAndRoundTrip() {
        assertEquals(LossKind.PINN, SamplerKind.parse("pinn").defaultLoss());
        TrainingConfig c = pinn().build();
        assertEquals(DivergenceForm.EXACT, c.divergence());
        assertTrue(!c.network().langevin());
        TrainingConfig h = pinn().divergence(DivergenceForm.hutchinson(3)).build();
        assertEquals(h, TrainingConfig.fromMap(h.toMap()));
    }

    @Test
    void badCombinationsAreNamedErrors() {
        String m = message(() -> pinn().divergence(DivergenceForm.NONE).build());
        assertTrue(m.contains("divergence = 'none'") && m.contains("Laplacian") && m.contains("exact, hutchinson"), m);
        m = message(() -> pinn().grid(GridSpec.parse("jittered")).build());
        assertTrue(m.contains("grid = 'jittered'") && m.contains("uniform, cosine or power"), m);
        m = message(() -> pinn().langevin(true).build());
        assertTrue(m.contains("langevin = true") && m.contains("langevin = false"), m);
        m = message(() -> pinn().loss(LossKind.LV).build());
        assertTrue(m.contains("loss = lv") && m.contains("loss = pinn"), m);
        m = message(() -> pinn().loss(LossKind.NETS).build());
        assertTrue(m.contains("loss = nets") && m.contains("loss = pinn"), m);
        m = message(() -> TrainingConfig.defaults("gmm9", SamplerKind.CMCD, LossKind.PINN));
        assertTrue(m.contains("loss = pinn") && m.contains("pinn sampler only") && m.contains("lv"), m);
        m = message(() -> TrainingConfig.defaults("gmm9", SamplerKind.NETS, LossKind.PINN));
        assertTrue(m.contains("loss = pinn") && m.contains("loss = nets"), m);
    }

    @Test
    void badSigmaPriorNetworksAndLossAreNamedErrors() {
        TimeGrid grid = TimeGrid.uniform(1.0, 4);
        FourierMlp b = new FourierMlp("b", 1, 1, 4, 1, RandomSource.SPLIT_MIX_64.create(1));
        LogDensityNet u = new LogDensityNet("u", IsotropicGaussian.centred(1, 1.0), GAUSS, grid, 4, 1,
                RandomSource.SPLIT_MIX_64.create(2));
        for (double sigma : new double[] {-0.1, 0.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = message(() -> new Pinn(GAUSS, grid, b, u, sigma, 1.0));
            assertTrue(m.contains("sigma = " + sigma) && m.contains("> 0"), m);
        }
        String m = message(() -> new Pinn(GAUSS, grid, b, u, 1.0, -1.0));
        assertTrue(m.contains("prior std s = -1.0"), m);
        m = message(() -> new Pinn(OTHER, grid, b, u, 1.0, 1.0));
        assertTrue(m.contains("built for the target gauss") && m.contains("other"), m);
        m = message(() -> new Pinn(GAUSS, TimeGrid.uniform(2.0, 4), b, u, 1.0, 1.0));
        assertTrue(m.contains("built on [0.0, 1.0]") && m.contains("[0.0, 2.0]"), m);
        new Pinn(GAUSS, grid, b, u, 1.0, 1.0).withGrid(grid.refine()); // a refined grid spans the same interval
        m = message(() -> new LogDensityNet("u", IsotropicGaussian.centred(2, 1.0), GAUSS, grid, 4, 1,
                RandomSource.SPLIT_MIX_64.create(2)));
        assertTrue(m.contains("prior dimension 2") && m.contains("1"), m);
        m = message(() -> new LogDensityNet("u", IsotropicGaussian.centred(1, 1.0), GAUSS, grid, 4, 0,
                RandomSource.SPLIT_MIX_64.create(2)));
        assertTrue(m.contains("layers >= 1"), m);
        Pinn p = new Pinn(GAUSS, grid, b, u, 1.0, 1.0);
        m = message(() -> new PinnLoss(p, -1, 16, 1, 8));
        assertTrue(m.contains("probes = -1") && m.contains("Hutchinson"), m);
        m = message(() -> new PinnLoss(p, 0, 0, 1, 8));
        assertTrue(m.contains("capacity"), m);
    }
}
