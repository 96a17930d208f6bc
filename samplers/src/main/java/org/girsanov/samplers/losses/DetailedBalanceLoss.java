package org.girsanov.samplers.losses;

/**
 * Detailed balance (Bengio et al. JMLR 2023; for diffusions Zhang et al. 2024, Berner et al. 2025), docs/math.md §4:
 * <pre>
 *   L_DB = (1/K) Σ_i Σ_{n=0}^{N−1} (δ_n^i)²,
 *   δ_n  = F_n(x_n) − F_{n+1}(x_{n+1}) − ℓ_n(x_n, x_{n+1}),      ℓ_n = log p←_n(x_n|x_{n+1}) − log p→_n(x_{n+1}|x_n),
 * </pre>
 * with learned log-flows {@code F_n(x) = F_θ(x, t_n)} for {@code 0 < n < N} and the boundaries
 * {@code F_0 = B_0 + log Z_θ}, {@code F_N = B_N} ({@link LogFlow}), so {@code Σ_n δ_n = log Z_θ − log w}
 * (the TB residual). In the notation of docs/math.md §4, {@code V_n = F_n}. At the optimum every {@code δ_n} vanishes
 * ({@code F_n = log Z + log p_n/p^ref_n}) and {@code log Z_θ = log Z}.
 *
 * <p>{@code ∂L/∂δ_n^i = 2 δ_n^i / K}. Detached paths from any behaviour; the gradient is streamed in two
 * passes ({@link FlowResiduals}), memory independent of N apart from the {@code N × K} residual scalars. Paths
 * with a non-finite residual or log-weight are left out and counted.
 */
public final class DetailedBalanceLoss extends FlowBalanceLoss {

    public DetailedBalanceLoss(LogFlow flow) {
        super(flow);
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public LossValue evaluate(TrainingBatch b) {
        FlowResiduals.Pass1 p = FlowResiduals.residuals(b, flow());
        boolean[] keep = FlowResiduals.keepFinite(p);
        int k = FlowResiduals.keptCount(keep, b.iteration(), "DB residual");
        int excluded = keep.length - k;
        double[][] delta = p.delta();
        double[][] c = new double[delta.length][keep.length];
        double loss = 0;
        for (int n = 0; n < delta.length; n++) {
            for (int i = 0; i < keep.length; i++) {
                if (keep[i]) {
                    double r = delta[n][i];
                    loss += r * r;
                    c[n][i] = 2 * r / k * b.lossScale();
                }
            }
        }
        FlowResiduals.accumulate(b, flow(), c);
        return new LossValue(loss / k, p.logWeights(), excluded);
    }
}
