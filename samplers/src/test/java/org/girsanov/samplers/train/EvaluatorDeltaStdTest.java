package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.metrics.DeltaStd;
import org.girsanov.samplers.targets.CountingTarget;
import org.girsanov.samplers.targets.GridMixture;
import org.girsanov.samplers.targets.LogDensityTarget;
import org.girsanov.samplers.targets.Target;
import org.junit.jupiter.api.Test;

/** {@link Evaluator#deltaStd}: against the true standard deviations when the target has them, else the exact samples. */
class EvaluatorDeltaStdTest {
    @Test
    void usesTheTrueStdWhenKnownWhatEverTheFallbackSample() {
        Target t = new CountingTarget(GridMixture.gmm9());
        DMatrixRMaj model = t.sample(2_000, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        DMatrixRMaj exact = t.sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        double truth = DeltaStd.compute(model, t.marginalStd().orElseThrow());
        assertEquals(truth, Evaluator.deltaStd(model, t, exact), 0.0);
        assertEquals(truth, Evaluator.deltaStd(model, t, null), 0.0);
        // the finite exact sample's own error is what the true std removes
        assertTrue(DeltaStd.compute(model, exact) != truth);
    }

    @Test
    void fallsBackOnTheExactSamplesOtherwise() {
        Target t = new LogDensityTarget("quadratic", 2, (tape, x) -> tape.scale(tape.sumCols(tape.square(x)), -0.5));
        DMatrixRMaj model = GridMixture.gmm9().sample(100, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        DMatrixRMaj exact = GridMixture.gmm9().sample(100, RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        assertEquals(DeltaStd.compute(model, exact), Evaluator.deltaStd(model, t, exact), 0.0);
    }
}
