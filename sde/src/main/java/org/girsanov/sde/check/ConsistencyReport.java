package org.girsanov.sde.check;

import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link ConsistencyChecker} run: one row per refinement level and the fitted strong order.
 * Prints as a table; {@link #toJson()} gives {@code {"pair", "paths", "levels": [{"dt", "mean_abs_error",
 * "max_abs_error", "nelson", "fokker_planck"}, …], "fitted_order"}} (unknown values as {@code null}).
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

    /** Hand-written JSON (no library). */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"pair\":").append(quote(pair)).append(",\"paths\":").append(paths).append(",\"levels\":[");
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"dt\":").append(num(l.dt))
              .append(",\"mean_abs_error\":").append(num(l.meanAbsError))
              .append(",\"max_abs_error\":").append(num(l.maxAbsError))
              .append(",\"nelson\":").append(num(l.nelson))
              .append(",\"fokker_planck\":").append(num(l.fokkerPlanck)).append('}');
        }
        sb.append("],\"fitted_order\":").append(num(fittedOrder)).append('}');
        return sb.toString();
    }

    private static String num(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
