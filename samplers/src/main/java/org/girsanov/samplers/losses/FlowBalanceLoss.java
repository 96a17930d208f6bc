package org.girsanov.samplers.losses;

import java.util.List;
import org.girsanov.autodiff.nn.Parameter;

/**
 * What the balance losses on learned log-flows share (docs/math.md §4): the {@link LogFlow} {@code F_θ} with its
 * learned {@code log Z_θ}, trained on detached paths from any behaviour (off-policy). {@link DetailedBalanceLoss}
 * and {@link SubTrajectoryBalanceLoss} differ only in how the residuals {@code δ_n} are combined.
 */
public abstract class FlowBalanceLoss implements Loss {
    private final LogFlow flow;

    protected FlowBalanceLoss(LogFlow flow) {
        this.flow = flow;
    }

    /** The learned log-flows {@code F_θ(x, t_n)} and {@code log Z_θ} whose residuals the loss combines. */
    public LogFlow flow() {
        return flow;
    }

    /** The learned {@code log Z_θ}. */
    public Parameter logZ() {
        return flow.logZ();
    }

    @Override
    public List<Parameter> parameters() {
        return flow.parameters();
    }

    @Override
    public List<Parameter> logZParameters() {
        return List.of(flow.logZ());
    }

    @Override
    public boolean offPolicy() {
        return true;
    }
}
