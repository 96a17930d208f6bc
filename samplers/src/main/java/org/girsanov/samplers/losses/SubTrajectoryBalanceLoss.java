package org.girsanov.samplers.losses;

/**
 * Sub-trajectory balance (Madan et al. ICML 2023), docs/math.md §4: with the DB residuals {@code δ_n} of
 * {@link DetailedBalanceLoss} and their partial sums {@code D_k = Σ_{n<k} δ_n} ({@code D_0 = 0}),
 * <pre>
 *   L_subTB = (1/K) Σ_i Σ_{0≤a&lt;b≤N} w_ab (D_b^i − D_a^i)²,     w_ab = λ^{b−a} / Σ_{a'&lt;b'} λ^{b'−a'},
 * </pre>
 * where {@code D_b − D_a = F_a(x_a) − F_b(x_b) − Σ_{n=a}^{b−1} ℓ_n} is the balance residual of the sub-path
 * {@code a → b}. {@code λ → 0} weights the one-step sub-paths (DB); {@code λ → ∞} the whole path
 * ({@code D_N = log Z_θ − log w}: TB). The coefficients
 * <pre>
 *   c_n = ∂L/∂δ_n = (2/K) Σ_{a ≤ n &lt; b} w_ab (D_b − D_a)
 * </pre>
 * are computed per path in {@code O(N²)} (each pair adds {@code g_ab} on {@code [a, b)} through a difference
 * array). Pass 1 stores the residuals ({@code N × K} doubles: scalars, not states), pass 2 replays the paths and
 * backpropagates {@code Σ_n c_n δ_n} step by step ({@link FlowResiduals}). Paths with a non-finite residual are
 * left out and counted.
 */
public final class SubTrajectoryBalanceLoss extends FlowBalanceLoss {
    private final double lambda;

    /** @param lambda {@code λ > 0} (commonly 0.9 – 1 for diffusions) */
    public SubTrajectoryBalanceLoss(LogFlow flow, double lambda) {
        super(flow);
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("sub-TB: lambda = " + lambda + "; must be finite and > 0");
        }
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "subtb";
    }

    public double lambda() {
        return lambda;
    }

    /** {@code w_ab} indexed by {@code b − a = 1 … N}, normalised over all pairs. */
    static double[] weights(int steps, double lambda) {
        double[] w = new double[steps + 1];
        double total = 0;
        double p = 1;
        for (int len = 1; len <= steps; len++) {
            p *= lambda;
            w[len] = p;
            total += (steps + 1 - len) * p; // pairs with b − a = len
        }
        for (int len = 1; len <= steps; len++) {
            w[len] /= total;
        }
        return w;
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        FlowResiduals.Pass1 p = FlowResiduals.residuals(b, flow());
        boolean[] keep = FlowResiduals.keepFinite(p);
        int k = FlowResiduals.keptCount(keep, b.iteration(), "sub-TB residual");
        double[][] delta = p.delta();
        int steps = delta.length;
        double[] w = weights(steps, lambda);
        double[][] c = new double[steps][keep.length];
        double[] d = new double[steps + 1];
        double[] diff = new double[steps + 1];
        double loss = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                continue;
            }
            for (int n = 0; n < steps; n++) {
                d[n + 1] = d[n] + delta[n][i];
            }
            java.util.Arrays.fill(diff, 0.0);
            for (int a = 0; a < steps; a++) {
                for (int bb = a + 1; bb <= steps; bb++) {
                    double r = d[bb] - d[a];
                    double wr = w[bb - a] * r;
                    loss += wr * r;
                    double g = 2 * wr / k * b.lossScale();
                    diff[a] += g;
                    diff[bb] -= g;
                }
            }
            double run = 0;
            for (int n = 0; n < steps; n++) {
                run += diff[n];
                c[n][i] = run;
            }
        }
        FlowResiduals.accumulate(b, flow(), c);
        return new LossValue(loss / k, p.logWeights(), keep.length - k);
    }
}
