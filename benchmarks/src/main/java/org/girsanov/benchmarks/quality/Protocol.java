package org.girsanov.benchmarks.quality;

import java.util.List;
import org.girsanov.samplers.train.TrainingConfig;

/**
 * The CPU protocol of a quality-suite row: the reference protocol of Richter &amp; Berner (ICLR 2024)
 * scaled to a 2-core CPU. The network (Fourier MLP width 64, two layers, Langevin term), σ, T, the
 * learning-rate decay 5e-3 → 1e-4, clipping, EMA and the loss scaling are theirs; the batch, the number
 * of steps and of iterations are smaller, so every row trains in well under 30 minutes, and the
 * off-policy losses explore with a variance-inflated behaviour process ({@link #EXPLORATION}). The same
 * protocol is what {@code girsanov train} uses when no protocol flag is given. No row is tuned per seed.
 */
public final class Protocol {
    /**
     * Initial noise scale of the behaviour process for the off-policy losses (decaying to 1 over the
     * first half of training; Sendera et al. NeurIPS 2024). The published LV rows did not explore; with
     * 40× fewer gradient steps on a CPU, exploration is what lets LV find every mode early.
     */
    public static final double EXPLORATION = 2.0;

    /**
     * Learning rate of a learned {@code log Z} (TB, DB, sub-TB) relative to the networks': 50, i.e. 0.25 decaying
     * to 5·10⁻³. GFlowNet practice uses 10–100× (Malkin et al. 2022; Sendera et al. 2024: 0.1 against 10⁻³).
     * Adam moves a scalar by at most about its learning rate per step, so over the protocol's 1 500 iterations
     * {@code log Z_θ} can travel Σ_t lr_t ≈ 1.9 at the networks' rate — less than the true {@code log Z} of mw50
     * (42.8) — and ≈ 94 at 50×.
     */
    public static final double LOG_Z_LR_SCALE = 50.0;

    private Protocol() {
    }

    /** Target spec of a published target name. */
    public static String targetSpec(String target) {
        switch (target) {
            case "funnel10":
                return "funnel:d=10";
            case "mw5":
                return "manywell:d=5,w=5,delta=4";
            case "mw50":
                return "manywell:d=50,w=5,delta=2";
            default:
                return target;
        }
    }

    /** The CPU protocol for a (target spec, sampler, loss). */
    public static TrainingConfig of(String targetSpec, String sampler, String loss) {
        TrainingConfig c = TrainingConfig.defaults(targetSpec, sampler, loss);
        int dim = dimensionHint(targetSpec);
        int batch = dim >= 50 ? 128 : 256;
        int iterations = 1500;
        int steps = 50;
        c = c.withBatch(batch).withSteps(steps).withIterations(iterations);
        if (List.of("tb", "db", "subtb").contains(loss)) {
            c = c.withLogZLrScale(LOG_Z_LR_SCALE);
        }
        return "kl".equals(loss) ? c : c.withExploration(EXPLORATION);
    }

    private static int dimensionHint(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("d=(\\d+)").matcher(spec);
        return m.find() ? Integer.parseInt(m.group(1)) : 2;
    }
}
