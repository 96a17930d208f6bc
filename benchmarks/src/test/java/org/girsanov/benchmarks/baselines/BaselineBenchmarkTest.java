package org.girsanov.benchmarks.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.samplers.targets.TargetSpecs;
import org.junit.jupiter.api.Test;

/** The baseline table at a small budget: every method present, evaluations within budget, AIS/SMC near log Z. */
class BaselineBenchmarkTest {

    @Test
    void everyMethodRunsWithinItsBudgetAndTheExactRowIsTheFloor() {
        BaselineBenchmark bench = new BaselineBenchmark(100_000, 3, 500, List.of(SampleMetric.deltaStd()));
        List<BaselineBenchmark.Row> rows = bench.run(TargetSpecs.parse("gaussian:d=3"));
        assertEquals(List.of("MALA", "HMC(L=10)", "PT(K=10)", "AIS-MALA", "SMC-MALA", "exact"),
                rows.stream().map(r -> r.method).toList());
        for (BaselineBenchmark.Row r : rows) {
            assertTrue(r.evaluations.gradientEvaluations() <= 110_000, r.method + ": " + r.evaluations);
            assertTrue(Double.isFinite(r.metricValues[0]), r.method);
        }
        BaselineBenchmark.Row smc = rows.get(4);
        assertTrue(smc.deltaLogZ < 0.2, "SMC Δlog Z on a Gaussian: " + smc.deltaLogZ);
        BaselineBenchmark.Row exact = rows.get(5);
        assertEquals(0, exact.evaluations.total());
        assertTrue(exact.metricValues[0] < 0.15, "Δstd of exact vs exact at K = 500: " + exact.metricValues[0]);
        String table = bench.format(rows);
        assertTrue(table.startsWith("target") && table.contains("SMC-MALA") && table.contains("Δstd"), table);
    }
}
