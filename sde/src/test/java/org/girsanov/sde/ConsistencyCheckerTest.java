package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ConsistencyReport;
import org.girsanov.sde.check.ProcessPairs;
import org.junit.jupiter.api.Test;

/** The consistency checker in both directions: matched pairs converge with Nelson → 0, a wrong score does not. */
class ConsistencyCheckerTest {
    private static final ConsistencyChecker.Config CFG = new ConsistencyChecker.Config(4, 5, 2, 200, 17);

    @Test
    void matchedPairsConvergeAndSatisfyNelson() {
        for (String name : List.of("ou-exact-reversal", "brownian")) {
            ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named(name), CFG);
            List<ConsistencyReport.Level> l = r.levels();
            assertTrue(r.fittedOrder() > 0.4, name + ": fitted order " + r.fittedOrder() + "\n" + r);
            assertTrue(l.get(l.size() - 1).meanAbsError() < 0.5 * l.get(0).meanAbsError(), name + "\n" + r);
            assertTrue(l.get(l.size() - 1).nelson() < 0.25 * l.get(0).nelson(), name + ": Nelson part must vanish\n" + r);
            assertTrue(l.get(l.size() - 1).fokkerPlanck() < 0.25 * l.get(0).fokkerPlanck(), name + "\n" + r);
        }
    }

    @Test
    void mismatchedPairReportsNonVanishingNelsonPart() {
        ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named("ou-mismatched"), CFG);
        List<ConsistencyReport.Level> l = r.levels();
        double last = l.get(l.size() - 1).nelson();
        assertTrue(last > 1.0, "Nelson part should stay away from 0\n" + r);
        assertTrue(last > 0.9 * l.get(l.size() - 2).nelson(), "Nelson part should not decay\n" + r);
        // The discrete log-weight still converges to the continuous RND (Thm 1 holds for any pair).
        assertTrue(r.fittedOrder() > 0.4, r.toString());
    }

    @Test
    void reportSerialisesWithTheDocumentedKeys() {
        ConsistencyReport r = ConsistencyChecker.check(ProcessPairs.named("brownian"), new ConsistencyChecker.Config(2, 2, 1, 10, 1));
        String json = r.toJson();
        for (String key : List.of("\"levels\":[", "\"dt\":", "\"mean_abs_error\":", "\"max_abs_error\":", "\"nelson\":",
                "\"fokker_planck\":", "\"fitted_order\":")) {
            assertTrue(json.contains(key), key + " missing in " + json);
        }
        assertTrue(r.toString().contains("fitted strong order"));
    }

    @Test
    void unknownPairNamesTheAllowedValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> ProcessPairs.named("nope"));
        assertTrue(e.getMessage().contains("ou-exact-reversal"), e.getMessage());
    }
}
