package org.girsanov.samplers.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.io.ParameterFile;
import org.girsanov.samplers.families.Lrds;
import org.girsanov.samplers.targets.GaussianMixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LRDS (reference from MCMC + EM inside the factory) and iDEM (a replay buffer inside the loss) through the trainer:
 * the same seed rebuilds the same reference, a resumed run is bitwise the uninterrupted one, the counts of target
 * evaluations agree, the thread count changes nothing, and a checkpoint refuses a resume whose reference differs.
 */
class FittedAndBufferedResumeTest {
    /** Two modes with unequal weights, {@code log Z = 0}. */
    static final GaussianMixture TWO = GaussianMixture.isotropic("two", new double[][] {{-2.5, 0}, {2.5, 0.5}}, 0.3,
            new double[] {0.2, 0.8});

    static TrainingConfig config(SamplerKind s) {
        return TrainingConfig.defaults("two", s, s.defaultLoss()).toBuilder().steps(8).batch(64).iterations(6)
                .lr(5e-3).lrFinal(5e-3).emaDecay(0.0).seed(3).threads(2).chunkSize(32).width(16).layers(1)
                .evalEvery(0).evalPaths(200).checkpointEvery(0).scoreDraws(8).build();
    }

    @Test
    void lrdsReferenceIsAFunctionOfTheSeed() {
        var a = LrdsReference.build(TWO, 3).fit().mixture();
        var b = LrdsReference.build(TWO, 3).fit().mixture();
        assertEquals(2, a.components(), "BIC on parallel-tempering samples of two modes");
        assertArrayEquals(a.weights(), b.weights(), 0.0);
        assertArrayEquals(a.means().data, b.means().data, 0.0);
        assertEquals(0.8, a.weights()[a.means().get(0, 0) > 0 ? 0 : 1], 0.05, "the fitted weight of the heavy mode");
    }

    @Test
    void resumedLrdsAndIdemAreBitwiseTheUninterruptedRuns(@TempDir Path dir) throws Exception {
        for (SamplerKind s : new SamplerKind[] {SamplerKind.LRDS, SamplerKind.IDEM}) {
            TrainingConfig c = config(s);
            Path file = dir.resolve(s + ".ckpt");
            double[] straight;
            long evaluations;
            try (Trainer t = new Trainer(c, TWO)) {
                TrainingRunsTest.steps(t, 6);
                straight = TrainingRunsTest.values(t);
                evaluations = t.evaluations().total();
            }
            try (Trainer t = new Trainer(c.withThreads(1), TWO)) {
                TrainingRunsTest.steps(t, 3);
                t.save(file);
            }
            try (Trainer t = Trainer.resume(file, TWO, x -> x)) {
                assertEquals(3, t.iteration());
                TrainingRunsTest.steps(t, 3);
                assertArrayEquals(straight, TrainingRunsTest.values(t), s + ": resumed parameters differ");
                assertEquals(evaluations, t.evaluations().total(), s + ": target evaluations of the resumed run");
            }
        }
    }

    @Test
    void aCheckpointRefusesAResumeWhoseReferenceDiffers(@TempDir Path dir) throws Exception {
        TrainingConfig c = config(SamplerKind.LRDS);
        Path file = dir.resolve("lrds.ckpt");
        try (Trainer t = new Trainer(c, TWO)) {
            assertTrue(t.model() instanceof Lrds);
            TrainingRunsTest.steps(t, 2);
            t.save(file);
        }
        ParameterFile.Contents contents = ParameterFile.read(file);
        DMatrixRMaj w = contents.matrices().get("fitted/reference/weights");
        w.data[0] = Math.nextUp(w.data[0]); // one ulp: what another build's EM could give
        ParameterFile.write(file, contents);
        IOException e = assertThrows(IOException.class, () -> Trainer.resume(file, TWO, x -> x).close());
        assertTrue(e.getMessage().contains("reference rebuilt from the seed differs"), e.getMessage());
    }
}
