package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.io.ParameterFile;
import org.girsanov.samplers.families.StandardisedSampler;
import org.girsanov.samplers.targets.GaussianTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code standardise = pilot} through the factory, the trainer and the evaluator: the sampler runs in the pilot's
 * coordinates, its samples and metrics are read in the target's, the config and the checkpoint keep the choice.
 */
class StandardisedTrainingTest {
    /** A narrow Gaussian far from the origin, {@code log Z = 1.5}: the scale the unit-scale samplers miss. */
    static final GaussianTarget NARROW = new GaussianTarget("narrow", new double[] {4.0, -3.0, 0.5},
            diagonal(0.05, 0.2, 0.1), 1.5);

    static TrainingConfig config(Standardisation standardise) {
        return TrainingConfig.defaults("narrow", SamplerKind.PIS, LossKind.LV).toBuilder().steps(20).batch(64)
                .iterations(4).emaDecay(0.0).seed(5).threads(2).chunkSize(32).width(16).layers(1).evalEvery(0)
                .evalPaths(4000).checkpointEvery(0).standardise(standardise).build();
    }

    @Test
    void theChoiceIsWrittenReadBackAndRefusedWhereNothingIsTrained() {
        for (Standardisation s : List.of(Standardisation.PILOT, Standardisation.PILOT_COVARIANCE)) {
            TrainingConfig c = config(s);
            assertEquals(s.id(), c.toMap().get("standardise"));
            assertEquals(c, TrainingConfig.fromMap(c.toMap()));
        }
        TrainingConfig c = config(Standardisation.PILOT);
        assertTrue(!config(Standardisation.NONE).toMap().containsKey("standardise"), "not written unless asked for");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig
                .defaults("gmm9", SamplerKind.RDMC, LossKind.NONE).toBuilder().standardise(Standardisation.PILOT).build());
        assertTrue(e.getMessage().startsWith("standardise = pilot applies to the trained samplers"), e.getMessage());
        var m = new java.util.HashMap<>(c.toMap());
        m.put("standardise", "yes");
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromMap(m));
        assertTrue(e.getMessage().contains("must be one of none, pilot, pilot-cov"), e.getMessage());
    }

    /**
     * Untrained PIS ends at {@code N(0, σ²T I) = N(0, I)}; in the pilot's coordinates the target is close to
     * {@code Z · N(0, I)}, so the untrained sampler is already close to exact — and its samples, read back in
     * {@code x}, sit at the target's mean. In the target's own coordinates the same sampler misses it entirely.
     */
    @Test
    void inThePilotsCoordinatesAnUntrainedSamplerMeetsANarrowDistantGaussian() throws Exception {
        Evaluation plain;
        Evaluation standardised;
        try (Trainer t = new Trainer(config(Standardisation.NONE), NARROW)) {
            plain = new Evaluator(4000, 500, false, 0).evaluate(t);
        }
        try (Trainer t = new Trainer(config(Standardisation.PILOT), NARROW)) {
            assertTrue(t.model() instanceof StandardisedSampler, "the model reads its states back in x");
            assertTrue(t.evaluations().total() > 100_000, "the pilot's evaluations count: " + t.evaluations().total());
            standardised = new Evaluator(4000, 500, false, 0).evaluate(t);
        }
        double essPlain = plain.metrics().get("ess");
        double essStd = standardised.metrics().get("ess");
        System.out.printf("untrained PIS on N((4, -3, 0.5), diag(0.05, 0.2, 0.1)^2): ESS %.4f -> %.4f, log Z_is %.4f -> %.4f"
                + " (true 1.5), delta_std %.4f -> %.4f%n", essPlain, essStd, plain.metrics().get("logZ_is"),
                standardised.metrics().get("logZ_is"), plain.metrics().get("delta_std"), standardised.metrics().get("delta_std"));
        assertTrue(essPlain < 0.01, "plain: ESS " + essPlain);
        assertTrue(essStd > 0.5, "standardised: ESS " + essStd);
        assertEquals(1.5, standardised.metrics().get("logZ_is"), 0.05, "log Z is unchanged by the map");
        DMatrixRMaj x = standardised.samples();
        double[] want = NARROW.mean();
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (int i = 0; i < x.numRows; i++) {
                mean += x.get(i, j);
            }
            mean /= x.numRows;
            assertEquals(want[j], mean, 0.05 * Math.sqrt(NARROW.covariance().get(j, j)) + 0.01,
                    "samples read in x: the mean of coordinate " + j);
        }
        assertTrue(standardised.metrics().get("delta_std") < 0.1 * plain.metrics().get("delta_std"),
                "Δstd in x: " + standardised.metrics().get("delta_std") + " against " + plain.metrics().get("delta_std"));
    }

    /**
     * A narrow Gaussian with correlation 0.95: the per-coordinate map leaves the correlation (an untrained PIS's
     * weights stay poor), the pilot's covariance removes it (close to exact again).
     */
    @Test
    void thePilotsCovarianceRemovesTheCorrelationsThePerCoordinateMapLeaves() throws Exception {
        DMatrixRMaj cov = diagonal(0.1, 0.1);
        cov.set(0, 1, 0.95 * 0.01);
        cov.set(1, 0, 0.95 * 0.01);
        GaussianTarget correlated = new GaussianTarget("correlated", new double[] {2.0, -1.0}, cov, 0.0);
        double[] ess = new double[2];
        double[] logZ = new double[2];
        Standardisation[] how = {Standardisation.PILOT, Standardisation.PILOT_COVARIANCE};
        for (int k = 0; k < 2; k++) {
            try (Trainer t = new Trainer(config(how[k]), correlated)) {
                Evaluation e = new Evaluator(4000, 500, false, 0).evaluate(t);
                ess[k] = e.metrics().get("ess");
                logZ[k] = e.metrics().get("logZ_is");
            }
        }
        System.out.printf("untrained PIS on a Gaussian of correlation 0.95: ESS per coordinate %.4f, whitened %.4f;"
                + " log Z_is %.4f, %.4f (true 0)%n", ess[0], ess[1], logZ[0], logZ[1]);
        assertTrue(ess[0] < 0.5, "per coordinate: ESS " + ess[0]);
        assertTrue(ess[1] > 0.9, "whitened: ESS " + ess[1]);
        assertEquals(0.0, logZ[1], 0.02, "whitened: log Z");
        try (Trainer t = new Trainer(config(Standardisation.PILOT_COVARIANCE), correlated)) {
            assertTrue(t.model().fitted().containsKey("standardise.factor"), "the checkpoint keeps L");
        }
    }

    @Test
    void aResumeRebuildsTheSameCoordinatesAndRefusesOthers(@TempDir Path dir) throws Exception {
        TrainingConfig c = config(Standardisation.PILOT);
        double[] straight;
        try (Trainer t = new Trainer(c, NARROW)) {
            TrainingRunsTest.steps(t, 4);
            straight = TrainingRunsTest.values(t);
        }
        Path file = dir.resolve("z.ckpt");
        try (Trainer t = new Trainer(c.withThreads(1), NARROW)) {
            TrainingRunsTest.steps(t, 2);
            t.save(file);
        }
        try (Trainer t = Trainer.resume(file, NARROW, x -> x)) {
            TrainingRunsTest.steps(t, 2);
            assertArrayEquals(straight, TrainingRunsTest.values(t), "resumed parameters differ");
        }
        ParameterFile.Contents contents = ParameterFile.read(file);
        DMatrixRMaj s = contents.matrices().get("fitted/standardise.scale");
        s.data[0] = Math.nextUp(s.data[0]);
        ParameterFile.write(file, contents);
        IOException e = assertThrows(IOException.class, () -> Trainer.resume(file, NARROW, x -> x).close());
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
    }

    private static DMatrixRMaj diagonal(double... sd) {
        DMatrixRMaj m = new DMatrixRMaj(sd.length, sd.length);
        for (int j = 0; j < sd.length; j++) {
            m.set(j, j, sd[j] * sd[j]);
        }
        return m;
    }
}
