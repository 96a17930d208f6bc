package org.girsanov.benchmarks.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.samplers.targets.Target;
import org.girsanov.io.TargetSpecs;
import org.girsanov.samplers.train.Trainer;
import org.girsanov.samplers.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class EfficiencyCurvesTest {
    private static final Target GMM40 = TargetSpecs.parse("gmm40");

    @Test
    void snapshotsAreHalfDecadesEndingAtTheLastIteration() {
        assertArrayEquals(new long[] {10, 30, 100, 300, 1000, 3000, 4000}, EfficiencyCurves.snapshots(4000));
        assertArrayEquals(new long[] {10, 30, 100, 300, 1000}, EfficiencyCurves.snapshots(1000));
        assertArrayEquals(new long[] {5}, EfficiencyCurves.snapshots(5));
    }

    @Test
    void parallelTemperingStaysWithinEachBudgetAndImprovesWithIt() {
        EfficiencyCurves c = new EfficiencyCurves(GMM40, "gmm40", 400, 3, 1.0);
        long[] budgets = {30_000, 1_000_000};
        List<EfficiencyCurves.Point> pt = c.classical("pt", budgets);
        for (int i = 0; i < budgets.length; i++) {
            long used = pt.get(i).evaluations();
            assertTrue(used <= budgets[i] && used > budgets[i] * 9 / 10, "budget " + budgets[i] + ": used " + used);
        }
        // GMM-40's 40 modes over [-40, 40]²: 30 000 evaluations leave PT near its start, 10⁶ let its hot rung find them
        assertTrue(pt.get(0).modeCoverage() < 0.5, pt.toString());
        assertTrue(pt.get(1).modeCoverage() > 0.9, pt.toString());
        assertTrue(pt.get(1).sinkhorn() < 0.5 * pt.get(0).sinkhorn(), pt.toString());
        EfficiencyCurves.Point floor = c.exactFloor();
        assertEquals(1.0, floor.modeCoverage());
        assertTrue(floor.sinkhorn() < pt.get(0).sinkhorn());
    }

    @Test
    void aNeuralPointChargesTrainingAndItsOwnSamplesOnly() {
        EfficiencyCurves c = new EfficiencyCurves(GMM40, "gmm40", 50, 3, 1.0);
        TrainingConfig config = c.config("pis-lv", 1, 3).withBatch(16).withSteps(10);
        List<EfficiencyCurves.Point> p = c.neural("pis-lv", config, new long[] {1, 3});
        long[] trained = new long[4];
        try (Trainer t = new Trainer(config, GMM40)) {
            for (int i = 1; i <= 3; i++) {
                t.step();
                trained[i] = t.evaluations().total();
            }
        }
        long sampling = p.get(0).evaluations() - trained[1];
        assertTrue(sampling > 0, "drawing the samples costs evaluations: " + p);
        assertEquals(trained[3] + sampling, p.get(1).evaluations(), "the first snapshot's samples are not charged again");
        assertEquals(3, p.get(1).iteration());
    }

    @Test
    void badInputNamesTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EfficiencyCurves(GMM40, "gmm40", 5, 0, 1.0));
        assertTrue(e.getMessage().startsWith("--samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EfficiencyCurves(GMM40, "gmm40", 100, 0, 0.0));
        assertTrue(e.getMessage().startsWith("--prior-std"), e.getMessage());
        EfficiencyCurves c = new EfficiencyCurves(GMM40, "gmm40", 100, 0, 1.0);
        e = assertThrows(IllegalArgumentException.class, () -> c.checkBudgets("smc", new long[] {100}));
        assertTrue(e.getMessage().startsWith("--budgets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.classical("mala", new long[] {100_000}));
        assertTrue(e.getMessage().startsWith("--methods"), e.getMessage());
    }
}
