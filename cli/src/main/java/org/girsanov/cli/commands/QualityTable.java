package org.girsanov.cli.commands;

import java.util.List;
import java.util.Map;

/** The quality results as a Markdown table in the layout of the published one, ours beside theirs. */
final class QualityTable {
    private QualityTable() {
    }

    static String markdown(List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| target | method | loss | Δlog Z lb (ours / pub.) | Δlog Z rw (ours / pub.) | ESS (ours / pub.) "
                + "| Δstd (ours / pub.) | Sinkhorn | wall s | target evals | at least as good? |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> m : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = m.get("published") instanceof Map ? (Map<String, Object>) m.get("published") : Map.of();
            sb.append("| ").append(TrainRunner.publishedName(String.valueOf(m.get("target")))).append(" | ")
                    .append(m.get("sampler")).append(" | ").append(m.get("loss")).append(" | ")
                    .append(pair(m.get("delta_logZ_lb"), p.get("delta_logZ_lb"))).append(" | ")
                    .append(pair(m.get("delta_logZ_is"), p.get("delta_logZ_is"))).append(" | ")
                    .append(pair(m.get("ess"), p.get("ess"))).append(" | ")
                    .append(pair(m.get("delta_std"), p.get("delta_std"))).append(" | ")
                    .append(num(m.get("sinkhorn"))).append(" | ")
                    .append(num(m.get("wall_seconds"))).append(" | ")
                    .append(num(m.get("target_evaluations"))).append(" | ")
                    .append(verdict(m, p)).append(" |\n");
        }
        return sb.toString();
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

    private static String pair(Object ours, Object pub) {
        return num(ours) + " / " + num(pub);
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
