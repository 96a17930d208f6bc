package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.nets.Nets;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.rnd.DivergenceEstimator;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The nets kinds in a {@link TrainingConfig} and bad input to {@link Nets}: each error names the argument and the
 * allowed values; defaults are the residual loss, the exact divergence, no Langevin term; the config round-trips.
 */
class NetsConfigTest {
    static final GaussianTarget GAUSS = GaussianTarget.isotropic("gauss", new double[] {1.0}, 0.5, 0.0);

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    static TrainingConfig.Builder nets() {
        return TrainingConfig.defaults("gmm9", SamplerKind.NETS, LossKind.NETS).toBuilder();
    }

    @Test
    void defaultsAndRoundTrip() {
        assertEquals(LossKind.NETS, SamplerKind.parse("nets").defaultLoss());
        TrainingConfig c = nets().build();
        assertEquals(DivergenceForm.EXACT, c.divergence());
        assertTrue(!c.network().langevin());
        TrainingConfig h = nets().divergence(DivergenceForm.hutchinson(3)).build();
        assertEquals(h, TrainingConfig.fromMap(h.toMap()));
        assertTrue(Presets.cpu("gmm9", 2, SamplerKind.NETS, LossKind.NETS).exploration().kappa() == 1.0,
                "the residual is not a path-space off-policy loss: no exploration");
    }

    @Test
    void badCombinationsAreNamedErrors() {
        String m = message(() -> nets().divergence(DivergenceForm.NONE).build());
        assertTrue(m.contains("divergence = 'none'") && m.contains("exact, hutchinson"), m);
        m = message(() -> DivergenceForm.parse("approx"));
        assertTrue(m.contains("divergence = 'approx'") && m.contains("allowed: none, exact, hutchinson"), m);
        m = message(() -> nets().grid(GridSpec.parse("jittered")).build());
        assertTrue(m.contains("grid = 'jittered'") && m.contains("uniform, cosine or power"), m);
        m = message(() -> nets().langevin(true).build());
        assertTrue(m.contains("langevin = true") && m.contains("langevin = false"), m);
        m = message(() -> nets().loss(LossKind.LV).build());
        assertTrue(m.contains("loss = lv") && m.contains("loss = nets"), m);
        m = message(() -> TrainingConfig.defaults("gmm9", SamplerKind.CMCD, LossKind.NETS));
        assertTrue(m.contains("loss = nets") && m.contains("lv"), m);
    }

    @Test
    void badEpsilonPriorAndScheduleAreNamedErrors() {
        TimeGrid grid = TimeGrid.uniform(1.0, 4);
        FourierMlp b = new FourierMlp("b", 1, 1, 4, 1, RandomSource.SPLIT_MIX_64.create(1));
        for (double eps : new double[] {-0.1, 0.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = message(() -> new Nets(GAUSS, grid, b, eps, 1.0, AnnealingSchedule.linear()));
            assertTrue(m.contains("epsilon = " + eps) && m.contains("> 0"), m);
        }
        String m = message(() -> new Nets(GAUSS, grid, b, 1.0, -1.0, AnnealingSchedule.linear()));
        assertTrue(m.contains("prior std s = -1.0"), m);
        AnnealingSchedule down = new AnnealingSchedule() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public double beta(double s) {
                return s == 1.0 ? 1.0 : s * (1 - s);
            }
        };
        m = message(() -> new Nets(GAUSS, grid, b, 1.0, 1.0, down));
        assertTrue(m.contains("down"), m);
        AnnealingSchedule noRate = new AnnealingSchedule() {
            @Override
            public String name() {
                return "sqrt-free";
            }

            @Override
            public double beta(double s) {
                return s * s * s;
            }
        };
        Nets n = new Nets(GAUSS, grid, b, 1.0, 1.0, noRate);
        String u = assertThrows(UnsupportedOperationException.class, () -> new org.girsanov.samplers.nets.TransportResidual(
                n.path(), b, (t, time) -> t.scalar(0)).residual(new org.girsanov.autodiff.Tape(),
                new org.ejml.data.DMatrixRMaj(1, 1), 0.5, DivergenceEstimator.exact())).getMessage();
        assertTrue(u.contains("sqrt-free") && u.contains("linear or power:p"), u);
    }
}
