package org.girsanov.samplers.losses;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;

/**
 * Trajectory balance (Malkin et al. NeurIPS 2022) with a learned scalar {@code log Z_θ}:
 * <pre>
 *   L_TB = (1/K) Σ_i (S_i − log Z_θ)²,   ∂L/∂S_i = 2(S_i − log Z_θ)/K,   ∂L/∂log Z_θ = −Σ_i ∂L/∂S_i,
 * </pre>
 * on detached paths from any behaviour. At the optimum {@code log Z_θ = log Z}. Streamed like LV.
 */
public final class TrajectoryBalanceLoss implements Loss {
    private final Parameter logZ = new Parameter("tb.logZ", 1, 1);

    @Override
    public String name() {
        return "tb";
    }

    /** The learned {@code log Z_θ}. */
    public Parameter logZ() {
        return logZ;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(logZ);
    }

    @Override
    public List<Parameter> logZParameters() {
        return List.of(logZ);
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
        if (k < 1) {
            throw new NonFiniteException(b.iteration(), "log-weight", "all " + s.length + " paths");
        }
        double z = logZ.value().data[0];
        double loss = 0;
        double sumC = 0;
        double[] c = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            if (!Double.isNaN(s[i])) {
                double r = s[i] - z;
                loss += r * r;
                c[i] = 2 * r / k * b.lossScale();
                sumC += c[i];
            }
        }
        pass.accumulate(c);
        logZ.grad().data[0] -= sumC;
        return new LossValue(loss / k, s, excluded);
    }
}
