package org.girsanov.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.girsanov.cli.Plots;

/**
 * The quality results as a Markdown table in the layout of the published one, ours beside theirs. Runs of one
 * (target, sampler, loss) with different seeds form one row: each number is the mean over the seeds, followed by
 * {@code ± std} (the sample standard deviation) when there are several; the verdict compares the means.
 */
final class QualityTable {
    /** The metrics of a row, as the result keys, in the table's order. */
    private static final List<String> METRICS = List.of("delta_logZ_lb", "delta_logZ_is", "ess", "delta_std", "sinkhorn",
            "wall_seconds", "target_evaluations");

    private QualityTable() {
    }

    static String markdown(List<Map<String, Object>> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| target | method | loss | seeds | Δlog Z lb (ours / pub.) | Δlog Z rw (ours / pub.) | ESS (ours / pub.) "
                + "| Δstd (ours / pub.) | Sinkhorn | wall s | target evals | commit | at least as good? |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (List<Map<String, Object>> row : byRow(runs).values()) {
            Map<String, Object> first = row.get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> p = first.get("published") instanceof Map ? (Map<String, Object>) first.get("published") : Map.of();
            Map<String, Object> mean = new LinkedHashMap<>();
            Map<String, String> shown = new LinkedHashMap<>();
            for (String k : METRICS) {
                double[] v = values(row, k);
                if (v.length > 0) {
                    double mu = mean(v);
                    mean.put(k, mu);
                    shown.put(k, num(mu) + (v.length > 1 ? " ± " + num(std(v, mu)) : ""));
                }
            }
            List<String> failures = new ArrayList<>();
            for (Map<String, Object> r : row) {
                if (r.get("failed") != null) {
                    failures.add("seed " + r.get("seed") + " failed: " + r.get("failed"));
                }
            }
            Set<String> seeds = new LinkedHashSet<>();
            Set<String> commits = new LinkedHashSet<>();
            for (Map<String, Object> r : row) {
                seeds.add(String.valueOf(r.get("seed") instanceof Number n ? n.longValue() : r.get("seed")));
                commits.add(String.valueOf(r.getOrDefault("commit", "—")));
            }
            sb.append("| ").append(TrainRunner.publishedName(String.valueOf(first.get("target")))).append(" | ")
                    .append(first.get("sampler")).append(first.get("standardise") != null ? " (" + first.get("standardise") + ")" : "")
                    .append(" | ").append(first.get("loss")).append(" | ")
                    .append(String.join(", ", seeds)).append(" | ")
                    .append(pair(shown.get("delta_logZ_lb"), p.get("delta_logZ_lb"))).append(" | ")
                    .append(pair(shown.get("delta_logZ_is"), p.get("delta_logZ_is"))).append(" | ")
                    .append(pair(shown.get("ess"), p.get("ess"))).append(" | ")
                    .append(pair(shown.get("delta_std"), p.get("delta_std"))).append(" | ")
                    .append(shown.getOrDefault("sinkhorn", "—")).append(" | ")
                    .append(shown.getOrDefault("wall_seconds", "—")).append(" | ")
                    .append(shown.getOrDefault("target_evaluations", "—")).append(" | ")
                    .append(String.join(", ", commits)).append(" | ")
                    .append(failures.isEmpty() ? verdict(mean, p) : String.join("; ", failures)).append(" |\n");
        }
        return sb.toString();
    }

    /** The metrics of the per-target plots: result key, panel label, whether on a log axis. */
    private static final List<String[]> PLOTTED = List.of(new String[] {"delta_logZ_lb", "Δlog Z lb", "log"},
            new String[] {"delta_logZ_is", "Δlog Z rw", "log"}, new String[] {"ess", "ESS", "log"},
            new String[] {"delta_std", "Δstd", "log"});

    /**
     * One plot per target into {@code dir} ({@code quality-TARGET.png}): for each of its rows (sampler-loss, seeds
     * averaged as in the table) ours beside the published Δlog Z lb, Δlog Z rw, ESS and Δstd.
     *
     * @return the files written, in the order of the targets' first rows
     */
    static List<Path> plots(List<Map<String, Object>> runs, Path dir) throws IOException {
        Map<String, List<List<Map<String, Object>>>> byTarget = new LinkedHashMap<>();
        for (List<Map<String, Object>> row : byRow(runs).values()) {
            byTarget.computeIfAbsent(TrainRunner.publishedName(String.valueOf(row.get(0).get("target"))), k -> new ArrayList<>())
                    .add(row);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<List<Map<String, Object>>>> t : byTarget.entrySet()) {
            List<List<Map<String, Object>>> rows = t.getValue();
            List<String> labels = new ArrayList<>();
            for (List<Map<String, Object>> row : rows) {
                labels.add((row.get(0).get("sampler") + "-" + row.get(0).get("loss")).toUpperCase(java.util.Locale.ROOT));
            }
            List<Plots.Comparison> panels = new ArrayList<>();
            for (String[] m : PLOTTED) {
                double[] ours = new double[rows.size()];
                double[] published = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    double[] v = values(rows.get(i), m[0]);
                    ours[i] = v.length == 0 ? Double.NaN : mean(v);
                    Object p = rows.get(i).get(0).get("published") instanceof Map<?, ?> pm ? pm.get(m[0]) : null;
                    published[i] = p instanceof Number n ? n.doubleValue() : Double.NaN;
                }
                panels.add(new Plots.Comparison(m[1], m[2].equals("log"), ours, published));
            }
            Path png = dir.resolve("quality-" + t.getKey().replaceAll("[^A-Za-z0-9_.=-]", "_") + ".png");
            Plots.comparison(png, t.getKey() + ": ours (●) beside the published row (◇)", labels, panels);
            written.add(png);
        }
        return written;
    }

    /**
     * The runs grouped by (target, sampler, loss), in the order of their first run; a seed given twice for one row
     * (the same part passed twice) counts once, the first.
     */
    static Map<String, List<Map<String, Object>>> byRow(List<Map<String, Object>> runs) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Map<String, Object> m : runs) {
            String key = TrainRunner.publishedName(String.valueOf(m.get("target"))) + "/" + m.get("sampler") + "/" + m.get("loss")
                    + (m.get("standardise") != null ? "/" + m.get("standardise") : ""); // other coordinates: another row
            List<Map<String, Object>> row = rows.computeIfAbsent(key, k -> new ArrayList<>());
            if (row.stream().noneMatch(r -> String.valueOf(r.get("seed")).equals(String.valueOf(m.get("seed"))))) {
                row.add(m);
            }
        }
        return rows;
    }

    /** Whether every published number is matched: Δ's and Δstd no larger, ESS no smaller. */
    static String verdict(Map<String, Object> m, Map<String, Object> p) {
        if (m.get("failed") != null) {
            return "failed: " + m.get("failed");
        }
        if (p.isEmpty()) {
            return "no published row";
        }
        StringBuilder worse = new StringBuilder();
        lower(worse, "Δlog Z lb", m.get("delta_logZ_lb"), p.get("delta_logZ_lb"));
        lower(worse, "Δlog Z rw", m.get("delta_logZ_is"), p.get("delta_logZ_is"));
        lower(worse, "Δstd", m.get("delta_std"), p.get("delta_std"));
        Object e = m.get("ess");
        Object pe = p.get("ess");
        if (e instanceof Number a && pe instanceof Number b && a.doubleValue() < b.doubleValue()) {
            worse.append(worse.length() == 0 ? "" : ", ").append("ESS");
        }
        return worse.length() == 0 ? "yes" : "no: " + worse;
    }

    private static void lower(StringBuilder worse, String name, Object ours, Object pub) {
        if (ours instanceof Number a && pub instanceof Number b && a.doubleValue() > b.doubleValue()) {
            worse.append(worse.length() == 0 ? "" : ", ").append(name);
        }
    }

    private static double[] values(List<Map<String, Object>> row, String key) {
        return row.stream().map(r -> r.get(key)).filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (divisor {@code n − 1}). */
    private static double std(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static String pair(String ours, Object pub) {
        return (ours == null ? "—" : ours) + " / " + num(pub);
    }

    private static String num(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Math.abs(d) >= 1e4) {
                return String.format("%.2e", d);
            }
            return String.format("%.3f", d);
        }
        return "—";
    }
}
