package org.girsanov.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code girsanov pde}: a short run reports its errors as JSON; bad flags exit 1 naming the flag before any work. */
class PdeCommandTest {

    @Test
    void shortRunReportsErrorsVarianceAndTheMonteCarloBaseline() {
        CliRun r = CliRun.of("pde", "--problem", "heat:d=2", "--iters", "40", "--batch", "64", "--steps", "4", "--width", "16",
                "--eval-points", "200", "--mc-points", "3", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = r.json();
        for (String k : List.of("rel_l2", "rel_linf", "train_seconds", "target_variance_plain", "target_variance_reduced", "mc",
                "version")) {
            assertTrue(m.containsKey(k), "missing " + k + " in " + m.keySet());
        }
        assertTrue((Double) m.get("rel_l2") < 0.5, m.toString());
    }

    @Test
    void badInputExitsOneNamingTheFlagAndTheAllowedValues() {
        String[][] cases = {
            {"--problem", "wave", "heat, heat-gauss, gbm-call, heat-param"}, {"--problem", "heat:q=1", "valid: d, sigma, T, lo, hi"},
            {"--problem", "heat:d=0", "d = 0"}, {"--loss", "kl", "plain, space-time, vr"}, {"--iters", "0", "allowed"},
            {"--lr", "0", "(0, 1]"}, {"--lr-final", "2", "(0, 1]"}, {"--batch", "1", "allowed"}, {"--threads", "0", "allowed"},
            {"--mc-points", "-1", "allowed"}};
        for (String[] c : cases) {
            String[] args = c[0].equals("--problem") ? new String[] {"pde", "--problem", c[1]}
                    : new String[] {"pde", "--problem", "heat:d=2", c[0], c[1]};
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(c[0]) && r.err().contains(c[2]), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("iteration"), "no work before validation: " + r.err());
        }
    }
}
