package org.girsanov.autodiff.optim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * Stochastic gradient descent with heavy-ball momentum (Polyak 1964), in the form PyTorch uses
 * (Sutskever et al., ICML 2013): {@code u ← μ u + g}, {@code θ ← θ − α_t u}, with
 * {@code α_t = schedule.at(t)}; {@code μ = 0} is plain SGD.
 */
public final class Sgd implements Optimizer {
    /** Prefix of the velocity entries in {@link #state()}. */
    public static final String VELOCITY_PREFIX = "u/";

    private final List<Parameter> params;
    private final LearningRateSchedule schedule;
    private final double momentum;
    private final DMatrixRMaj[] u;
    private long step;

    public Sgd(List<Parameter> params, LearningRateSchedule schedule, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Sgd: momentum = " + momentum + "; need 0 <= momentum < 1");
        }
        OptimizerState.checkUniqueNames("Sgd", params);
        this.params = List.copyOf(params);
        this.schedule = schedule;
        this.momentum = momentum;
        this.u = OptimizerState.zerosLike(this.params);
    }

    /** Plain SGD with a constant learning rate. */
    public Sgd(List<Parameter> params, double lr) {
        this(params, LearningRateSchedule.constant(lr), 0.0);
    }

    @Override
    public void step() {
        double lr = schedule.at(step);
        step++;
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            double[] th = p.value().data;
            double[] g = p.grad().data;
            double[] uk = u[k].data;
            int n = p.size();
            for (int i = 0; i < n; i++) {
                uk[i] = momentum * uk[i] + g[i];
                th[i] -= lr * uk[i];
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(params);
    }

    public long stepCount() {
        return step;
    }

    /** The live velocity buffer of parameter {@code k}. */
    public DMatrixRMaj velocity(int k) {
        return u[k];
    }

    /** Copies of the velocity buffers keyed {@code "u/" + name}. */
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> out = OptimizerState.newMap();
        OptimizerState.export(out, VELOCITY_PREFIX, params, u);
        return out;
    }

    /** Restores {@link #state()} and the step count; checks names and shapes before changing anything. */
    public void loadState(long stepCount, Map<String, DMatrixRMaj> state) {
        if (stepCount < 0) {
            throw new IllegalArgumentException("Sgd: step count " + stepCount + " must be >= 0");
        }
        DMatrixRMaj[] uu = OptimizerState.zerosLike(params);
        OptimizerState.restore("Sgd", state, VELOCITY_PREFIX, params, uu);
        for (int k = 0; k < u.length; k++) {
            u[k].setTo(uu[k]);
        }
        this.step = stepCount;
    }
}
