package org.girsanov.tour;

import java.io.PrintStream;
import java.util.Locale;
import org.girsanov.sde.BrownianPath;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.check.ConsistencyChecker;
import org.girsanov.sde.check.ProcessPairs;

/** Chapter 5 (docs/tour/05-dt-to-zero.md): one Brownian path refined, and the consistency checker's tables. */
public final class Chapter5 {

    public static void run(PrintStream out) {
        out.println("one Brownian path on [0, 1], refined by the Brownian bridge:");
        out.printf(Locale.ROOT, "%6s %12s %12s %14s %14s%n", "steps", "W(1/4)", "W(1)", "sum dW^2", "sum |dW|");
        BrownianPath w = BrownianPath.sample(TimeGrid.uniform(1.0, 4), 1, 1, 5);
        for (int level = 0; level <= 8; level++) {
            int n = w.grid().steps();
            double qv = 0;
            double tv = 0;
            for (int k = 0; k < n; k++) {
                double dw = w.increment(k).get(0, 0);
                qv += dw * dw;
                tv += Math.abs(dw);
            }
            out.printf(Locale.ROOT, "%6d %12.8f %12.8f %14.6f %14.6f%n", n, w.value(n / 4).get(0, 0), w.value(n).get(0, 0), qv, tv);
            w = w.refine();
        }
        for (String pair : new String[] {"ou-exact-reversal", "ou-mismatched"}) {
            out.println();
            out.print(ConsistencyChecker.check(ProcessPairs.named(pair), ConsistencyChecker.Config.defaults(11)).toTable());
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
