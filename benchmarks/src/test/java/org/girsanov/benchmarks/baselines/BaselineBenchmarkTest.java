package org.girsanov.benchmarks.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.samplers.mcmc.Hmc;
import org.girsanov.samplers.mcmc.McmcSampler;
import org.girsanov.samplers.targets.Target;
import org.girsanov.io.TargetSpecs;
import org.girsanov.sde.IsotropicGaussian;
import org.junit.jupiter.api.Test;

/** The baseline table at a small budget: every method present, matched budgets, AIS/SMC near log Z. */
class BaselineBenchmarkTest {
    static final long BUDGET = 200_000;

    @Test
    void aRealPosteriorIsScoredAgainstItsReferenceMomentsAndLogZ(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        BaselineBenchmark bench = new BaselineBenchmark(BUDGET, 3, 500, List.of(SampleMetric.deltaStd(), SampleMetric.sinkhorn(500)));
        Target schools = TargetSpecs.parse("eight-schools:form=noncentred");
        List<BaselineBenchmark.Row> rows = bench.run(schools);
        assertEquals(List.of("MALA", "HMC(L=10)", "PT(K=10)", "AIS-MALA", "SMC-MALA"), rows.stream().map(r -> r.method).toList(),
                "no exact sampler, so no exact row");
        for (BaselineBenchmark.Row r : rows) {
            assertTrue(Double.isFinite(r.metricValues[0]) && r.metricValues[0] < 0.5, r.method + " Δstd " + r.metricValues[0]);
            assertTrue(Double.isNaN(r.metricValues[1]), "Sinkhorn needs exact samples: " + r.metricValues[1]);
        }
        // SMC against the shipped reference log Z (−31.33 ± 0.01)
        assertTrue(rows.get(4).deltaLogZ < 0.3, "SMC Δlog Z " + rows.get(4).deltaLogZ);
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("own.csv"), "x,y\n0.5,1\n-1.0,0\n2.0,1\n");
        Target own = TargetSpecs.parse("logistic:data=" + csv); // a user's data: no exact sampler, no reference yet
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bench.run(own));
        assertTrue(e.getMessage().startsWith("--targets") && e.getMessage().contains("reference"), e.getMessage());
    }

    @Test
    void everyMethodStopsAtOrJustUnderTheBudgetCountedAlikeAndTheExactRowIsTheFloor() {
        BaselineBenchmark bench = new BaselineBenchmark(BUDGET, 3, 500, List.of(SampleMetric.deltaStd()));
        // funnel has no closed-form score: log-density and score evaluations are both counted
        for (String spec : List.of("gaussian:d=3", "funnel:d=3")) {
            List<BaselineBenchmark.Row> rows = bench.run(TargetSpecs.parse(spec));
            assertEquals(List.of("MALA", "HMC(L=10)", "PT(K=10)", "AIS-MALA", "SMC-MALA", "exact"),
                    rows.stream().map(r -> r.method).toList());
            for (BaselineBenchmark.Row r : rows.subList(0, 5)) {
                long used = r.evaluations.total();
                assertTrue(used <= BUDGET, spec + " " + r.method + " over budget: " + r.evaluations);
                assertTrue(used >= 0.9 * BUDGET, spec + " " + r.method + " far under budget: " + r.evaluations);
                assertTrue(Double.isFinite(r.metricValues[0]), r.method);
            }
            assertEquals(0, rows.get(5).evaluations.total());
            if (spec.startsWith("gaussian")) {
                assertTrue(rows.get(4).deltaLogZ < 0.2, "SMC Δlog Z on a Gaussian: " + rows.get(4).deltaLogZ);
                assertTrue(rows.get(5).metricValues[0] < 0.15, "Δstd of exact vs exact at K = 500");
            }
            String table = bench.format(rows);
            assertTrue(table.startsWith("target") && table.contains("target evals") && table.contains("SMC-MALA"), table);
            assertEquals(rows.get(1).evaluations.total(), ((Number) bench.json(rows).get(1).get("target_evaluations")).longValue());
        }
    }

    @Test
    void budgetsOutsideTheRangeAreNamedErrors() {
        for (long b : new long[] {0, -5, 20_000, BUDGET - 1, 20_000_000_000L}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BaselineBenchmark(b, 1, 500, List.of(SampleMetric.deltaStd())));
            assertTrue(e.getMessage().startsWith("--budget: " + b) && e.getMessage().contains(BaselineBenchmark.budgetRange()),
                    e.getMessage());
        }
    }

    @Test
    void aBudgetBelowTenStepsOfAMethodIsANamedError() {
        Target t = TargetSpecs.parse("funnel:d=3");
        IsotropicGaussian prior = IsotropicGaussian.centred(3, 2.0);
        Budgets.Run hmc = (u, r) -> new McmcSampler(new Hmc(10), 0.1, 0, (int) u, 1).run(t, prior.sample(500, r), r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budgets.steps("HMC", t, 50_000, hmc));
        assertTrue(e.getMessage().startsWith("--budget: 50000 is too small for HMC"), e.getMessage());
        long steps = Budgets.steps("HMC", t, 1_000_000, hmc);
        long used = Budgets.evaluations(hmc.apply(steps, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).total();
        long more = Budgets.evaluations(hmc.apply(steps + 1, org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(1L))).total();
        assertTrue(used <= 1_000_000 && more > 1_000_000, "the most steps within budget: " + used + ", one more: " + more);
    }
}
