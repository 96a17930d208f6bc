package org.girsanov.benchmarks.quality;

import java.util.List;
import java.util.Optional;

/**
 * A row of the published table (Richter &amp; Berner, ICLR 2024; docs/targets-and-metrics.md): Δlog Z of the lower bound
 * and of the reweighted estimate, ESS and Δstd; {@code NaN} where the paper prints no value.
 */
public record PublishedRow(String target, String sampler, String loss, double deltaLogZLb, double deltaLogZIs,
                           double ess, double deltaStd) {

    private static final double NA = Double.NaN;

    /** Every row of docs/targets-and-metrics.md. */
    public static final List<PublishedRow> ALL = List.of(
            new PublishedRow("gmm9", "pis", "kl", 1.094, 0.249, 0.0051, 1.937),
            new PublishedRow("gmm9", "pis", "lv", 0.046, 0.001, 0.9093, 0.023),
            new PublishedRow("gmm9", "dis", "kl", 1.551, 0.015, 0.0226, 2.522),
            new PublishedRow("gmm9", "dis", "lv", 0.056, 0.017, 0.8660, 0.004),
            new PublishedRow("gmm9", "dds", "kl", NA, 0.005, 0.0737, 2.161),
            new PublishedRow("gmm9", "dds", "lv", NA, 0.001, 0.8929, 0.006),
            new PublishedRow("gmm9", "bridge", "kl", NA, 0.560, 0.0180, 0.698),
            new PublishedRow("gmm9", "bridge", "lv", NA, 0.100, 0.9669, 0.010),
            new PublishedRow("funnel10", "pis", "kl", 0.288, 0.111, 0.1333, 6.921),
            new PublishedRow("funnel10", "pis", "lv", 0.277, 0.097, 0.0746, 6.850),
            new PublishedRow("funnel10", "dis", "kl", 0.433, 0.032, 0.1383, 5.254),
            new PublishedRow("funnel10", "dis", "lv", 0.430, 0.028, 0.2313, 5.224),
            new PublishedRow("mw5", "pis", "kl", 3.567, NA, 0.0004, 1.409),
            new PublishedRow("mw5", "pis", "lv", 0.214, NA, 0.6744, 0.001),
            new PublishedRow("mw5", "dis", "kl", 1.462, NA, 0.0012, 0.431),
            new PublishedRow("mw5", "dis", "lv", 0.375, NA, 0.4519, 0.001),
            new PublishedRow("mw50", "pis", "kl", 0.101, NA, 0.8172, 0.001),
            new PublishedRow("mw50", "pis", "lv", 0.087, NA, 0.8453, 0.000),
            new PublishedRow("mw50", "dis", "kl", 1.785, NA, 0.0225, 0.009),
            new PublishedRow("mw50", "dis", "lv", 1.783, NA, 0.0227, 0.009));

    /** The published row for a (target, sampler, loss), if any. */
    public static Optional<PublishedRow> find(String target, String sampler, String loss) {
        return ALL.stream().filter(r -> r.target.equals(target) && r.sampler.equals(sampler) && r.loss.equals(loss))
                .findFirst();
    }

    /** "gmm9/pis/lv". */
    public String key() {
        return target + "/" + sampler + "/" + loss;
    }
}
