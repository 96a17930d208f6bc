package org.girsanov.samplers.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.losses.LogVarianceLoss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.LogDensityTarget;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LRDS at its exact optimum: with {@code φ = 0} and a mixture target {@code ρ = e^c π_ref}, the reference process is
 * the answer — {@code log w = c} on every forward and backward path at every N, and the LV loss and its gradient vanish.
 */
class LrdsTest {
    static final GaussianMixture REF = new GaussianMixture("ref", new double[][] {{-2, 0}, {2, 1}, {0, -2.5}},
            new DMatrixRMaj[] {
                new DMatrixRMaj(2, 2, true, 0.5, 0.2, 0.2, 0.4),
                new DMatrixRMaj(2, 2, true, 0.3, 0, 0, 0.3),
                new DMatrixRMaj(2, 2, true, 0.8, -0.3, -0.3, 0.6)},
            new double[] {0.5, 0.3, 0.2});

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** {@code log ρ = log π_ref + c}. */
    static Target shifted(GaussianMixture m, double c) {
        return new LogDensityTarget("shifted", m.dimension(), (t, x) -> t.addScalar(m.logDensity(t, x), c), c);
    }

    /** A network whose output layer is zero: {@code φ ≡ 0}, yet with parameters the LV gradient could move. */
    static Control zero(int d) {
        return ExactOptimumTest.zero("phi", d, 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 40})
    void referenceIsExactForItsOwnMixture(int steps) {
        double c = 0.7;
        Lrds lrds = new Lrds(shifted(REF, c), TimeGrid.uniform(1.0, steps), zero(2), REF, 1.0, 0.1, 10.0);
        double[] forward = TestPaths.paths(lrds, 400, null, steps).logWeights();
        assertTrue(ExactOptimumTest.maxAbsDeviation(forward, c) < 1e-9,
                "N=" + steps + ": log w − c up to " + ExactOptimumTest.maxAbsDeviation(forward, c));
        double[] backward = TestPaths.paths(lrds, 200, REF.sample(200, rng(4)), 7).logWeights();
        assertTrue(ExactOptimumTest.maxAbsDeviation(backward, c) < 1e-9,
                "backward: log w − c up to " + ExactOptimumTest.maxAbsDeviation(backward, c));
        try (ChunkedExecutor ex = new ChunkedExecutor(1)) {
            Parameter.zeroGrads(lrds.parameters());
            LossValue v = new LogVarianceLoss().evaluate(new TrainingBatch(lrds, 128, 64, Behaviour.onPolicy(),
                    new RandomStreams(5), 0, ex, 1.0));
            assertEquals(0.0, v.loss(), 1e-15);
            for (Parameter p : lrds.parameters()) {
                for (int i = 0; i < p.size(); i++) {
                    assertEquals(0.0, p.grad().data[i], 1e-9, p.name());
                }
            }
        }
    }
}
