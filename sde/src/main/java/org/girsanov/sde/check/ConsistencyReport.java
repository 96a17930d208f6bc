package org.girsanov.sde.check;

import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link ConsistencyChecker} run: one row per refinement level and the fitted strong order.
 * Prints as a table; the application ({@code girsanov check consistency --json}) writes it as JSON with its one JSON
 * library — the core has none.
 */
public record ConsistencyReport(String pair, int paths, List<Level> levels, double fittedOrder) {

    /** One level: step {@code dt}, errors of the discrete log-weight, and the DB-residual parts. */
    public record Level(double dt, double meanAbsError, double maxAbsError, double nelson, double fokkerPlanck) {
    }

    public ConsistencyReport {
        levels = List.copyOf(levels);
    }

    /** A fixed-width table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "consistency of '%s' (%d paths)%n", pair, paths));
        sb.append(String.format(Locale.ROOT, "%12s %14s %14s %14s %14s%n", "dt", "mean|err|", "max|err|", "nelson", "fokker-planck"));
        for (Level l : levels) {
            sb.append(String.format(Locale.ROOT, "%12.6g %14.6g %14.6g %14.6g %14.6g%n", l.dt, l.meanAbsError,
                    l.maxAbsError, l.nelson, l.fokkerPlanck));
        }
        sb.append(String.format(Locale.ROOT, "fitted strong order: %.4f%n", fittedOrder));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }
}
