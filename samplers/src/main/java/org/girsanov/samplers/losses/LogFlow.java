package org.girsanov.samplers.losses;

import java.util.ArrayList;
import java.util.List;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.sde.check.MarginalLogDensity;

/**
 * The learned log-flows of the local balance losses (docs/math.md §4, DB and sub-TB):
 * <pre>
 *   F_0(x) = B_0(x) + log Z_θ,     F_n(x) = F_θ(x, t_n)  (0 &lt; n &lt; N),     F_N(x) = B_N(x),
 * </pre>
 * where {@code B_0}, {@code B_N} are the boundary terms of the {@link Sampler} (so that
 * {@code log w = B_N − B_0 + Σ_n ℓ_n}) and {@code F_θ} is a network with output dimension 1 (e.g. a
 * {@link org.girsanov.samplers.control.FourierMlp} built with {@code outDim = 1}, whose zero-initialised output
 * layer starts every intermediate flow at 0). With these boundaries the DB residuals
 * {@code δ_n = F_n(x_n) − F_{n+1}(x_{n+1}) − ℓ_n} telescope to {@code Σ_n δ_n = log Z_θ − log w}, the TB
 * residual, and at the optimum {@code F_n = log Z + log(p_n / p^ref_n)}.
 *
 * <p>The network is used through the {@link Control} signature {@code (tape, x, t) → n × 1}; any function of
 * that shape (a closed form in a test, say) can stand in for it.
 */
public final class LogFlow {
    private final Control network;
    private final Parameter logZ;

    /** @param network {@code F_θ(x, t)}, {@code n × d → n × 1}; @param logZName name of the learned {@code log Z_θ} */
    public LogFlow(Control network, String logZName) {
        this.network = network;
        this.logZ = new Parameter(logZName, 1, 1);
    }

    public Control network() {
        return network;
    }

    /** The learned scalar {@code log Z_θ} (starts at 0). */
    public Parameter logZ() {
        return logZ;
    }

    /** The network's parameters, then {@code log Z_θ}. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(network.parameters());
        all.add(logZ);
        return all;
    }

    /**
     * The log-flows as a function of continuous time on {@code model}'s interval, for the consistency checker's
     * detailed-balance split on refined grids: {@code B_0 + log Z_θ} at {@code t_0}, {@code B_N} at {@code t_N}, and
     * {@code F_θ(x, t)} in between.
     */
    public MarginalLogDensity asMarginal(Sampler model) {
        double start = model.grid().start();
        double end = model.grid().end();
        return (t, x, time) -> time == start ? t.add(model.logWeight().start(t, x), t.param(logZ))
                : time == end ? model.logWeight().end(t, x) : network.apply(t, x, time);
    }

    /** {@code F_n(x)} ({@code rows × 1}) for {@code 0 ≤ n ≤ N}. */
    public Var at(Tape t, Sampler model, Var x, int n) {
        int steps = model.grid().steps();
        if (n == 0) {
            return t.add(model.logWeight().start(t, x), t.param(logZ));
        }
        if (n == steps) {
            return model.logWeight().end(t, x);
        }
        Var f = network.apply(t, x, model.grid().time(n));
        if (f.cols() != 1 || f.rows() != x.rows()) {
            throw new IllegalStateException("log-flow network: output is " + f.rows() + "x" + f.cols() + "; must be "
                    + x.rows() + "x1");
        }
        return f;
    }
}
