package org.girsanov.verification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ConsistencyReport;
import org.girsanov.sde.check.ProcessPair;

/**
 * docs/math.md §7.2 (Berner et al. 2025, Thm 1): on one Brownian path refined ever finer, the discrete log-weight
 * converges to the continuous RND with strong order ½ or better. Passes if the fitted order lies in
 * {@code [lowOrder, highOrder]} and the error at the finest level is below the coarsest's.
 * Also reports the Nelson part of the DB residual at the finest level (docs/math.md §7.3).
 */
public final class LogWeightConsistency {
    private LogWeightConsistency() {
    }

    public static Verdict check(ProcessPair pair, ConsistencyChecker.Config cfg, double lowOrder, double highOrder) {
        ConsistencyReport r = ConsistencyChecker.check(pair, cfg);
        List<ConsistencyReport.Level> l = r.levels();
        double first = l.get(0).meanAbsError();
        double last = l.get(l.size() - 1).meanAbsError();
        boolean ok = r.fittedOrder() >= lowOrder && r.fittedOrder() <= highOrder && last < first;
        Map<String, Double> nums = new HashMap<>();
        nums.put("fitted_order", r.fittedOrder());
        nums.put("error_coarsest", first);
        nums.put("error_finest", last);
        nums.put("nelson_finest", l.get(l.size() - 1).nelson());
        return new Verdict("dt->0 consistency of log w (math §7.2)", ok, nums,
                "order in [" + lowOrder + ", " + highOrder + "]\n" + r.toTable());
    }
}
