package org.girsanov.samplers.losses;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;

/**
 * The log-variance loss (Richter et al. NeurIPS 2020; Richter &amp; Berner ICLR 2024):
 * <pre>
 *   L_LV = (1/K) Σ_i (S_i − S̄)²,   S_i = log w(x^(i)),  S̄ = (1/K) Σ_i S_i,
 * </pre>
 * on detached paths from any behaviour process. {@code ∂L/∂S_i = 2(S_i − S̄)/K} (the derivative through
 * {@code S̄} sums to zero), so the gradient streams in two passes ({@link PathSums}). It is TB with
 * {@code log Z} replaced by the batch mean; at the optimum {@code log w} is constant and both the loss
 * and its gradient vanish (sticking the landing). On-policy, {@code E[∇L_LV] = 2 ∇KL(P→‖P←)}.
 * Paths whose log-weight is not finite are left out and counted.
 */
public final class LogVarianceLoss implements Loss {

    @Override
    public String name() {
        return "lv";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public boolean offPolicy() {
        return true;
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        PathSums.Pass pass = PathSums.begin(b);
        double[] s = pass.logWeights();
        int excluded = PathSums.markNonFinite(s);
        int k = s.length - excluded;
        if (k < 2) {
            throw new NonFiniteException(b.iteration(), "log-weight", (s.length - k) + " of " + s.length + " paths");
        }
        double mean = 0;
        for (double v : s) {
            if (!Double.isNaN(v)) {
                mean += v;
            }
        }
        mean /= k;
        double loss = 0;
        double[] c = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            if (!Double.isNaN(s[i])) {
                double r = s[i] - mean;
                loss += r * r;
                c[i] = 2 * r / k * b.lossScale();
            }
        }
        pass.accumulate(c);
        return new LossValue(loss / k, s, excluded);
    }
}
