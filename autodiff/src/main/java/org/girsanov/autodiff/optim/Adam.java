package org.girsanov.autodiff.optim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015, Algorithm 1), optionally with decoupled weight decay (AdamW,
 * Loshchilov &amp; Hutter, ICLR 2019). With gradient {@code g}, step {@code t = 1, 2, …} and learning
 * rate {@code α_t = schedule.at(t − 1)}:
 * <pre>
 *   g   ← g + λθ                       (only for coupled L2 weight decay)
 *   m   ← β₁ m + (1 − β₁) g
 *   v   ← β₂ v + (1 − β₂) g²
 *   m̂   = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *   θ   ← θ − s α_t ( m̂ / (√v̂ + ε) + λθ )    (the λθ term only for decoupled weight decay)
 * </pre>
 * where {@code s} is the parameter's learning-rate scale (1 unless given: a parameter group with its own
 * learning rate, e.g. a learned {@code log Z} that must travel much further than the network weights).
 * The state (step count, first and second moments) is exposed and restorable, so a checkpoint restores
 * the optimiser exactly: a resumed run is bitwise identical to an uninterrupted one.
 */
public final class Adam implements Optimizer {
    /** Prefixes of the state entries in {@link #state()}: {@code "m/" + name}, {@code "v/" + name}. */
    public static final String FIRST_MOMENT_PREFIX = "m/";
    public static final String SECOND_MOMENT_PREFIX = "v/";

    private final List<Parameter> params;
    private final LearningRateSchedule schedule;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final DMatrixRMaj[] m;
    private final DMatrixRMaj[] v;
    private final double[] lrScale;
    private long step;

    /** Adam with a constant learning rate and β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay. */
    public Adam(List<Parameter> params, double lr) {
        this(params, LearningRateSchedule.constant(lr), 0.9, 0.999, 1e-8, 0.0, false);
    }

    /** Adam with a schedule and β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay. */
    public Adam(List<Parameter> params, LearningRateSchedule schedule) {
        this(params, schedule, 0.9, 0.999, 1e-8, 0.0, false);
    }

    /**
     * @param weightDecay λ ≥ 0
     * @param decoupledWeightDecay true for AdamW (decay applied to θ directly), false for L2 added to g
     */
    public Adam(List<Parameter> params, LearningRateSchedule schedule, double beta1, double beta2, double eps,
                double weightDecay, boolean decoupledWeightDecay) {
        this(params, schedule, beta1, beta2, eps, weightDecay, decoupledWeightDecay, null);
    }

    /**
     * Adam with a schedule, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay, and a learning-rate scale per
     * parameter ({@code lrScale[k]} multiplies the learning rate of {@code params.get(k)}; finite, &gt; 0).
     */
    public Adam(List<Parameter> params, LearningRateSchedule schedule, double[] lrScale) {
        this(params, schedule, 0.9, 0.999, 1e-8, 0.0, false, lrScale);
    }

    /** @param lrScale per-parameter learning-rate scales, in {@code params} order ({@code null}: all 1) */
    public Adam(List<Parameter> params, LearningRateSchedule schedule, double beta1, double beta2, double eps,
                double weightDecay, boolean decoupledWeightDecay, double[] lrScale) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam: beta1 = " + beta1 + ", beta2 = " + beta2 + ", eps = " + eps
                    + ", weightDecay = " + weightDecay + "; need 0 <= beta < 1, eps > 0, weightDecay >= 0");
        }
        OptimizerState.checkUniqueNames("Adam", params);
        this.params = List.copyOf(params);
        this.schedule = schedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupledWeightDecay;
        this.lrScale = new double[this.params.size()];
        java.util.Arrays.fill(this.lrScale, 1.0);
        if (lrScale != null) {
            if (lrScale.length != this.params.size()) {
                throw new IllegalArgumentException("Adam: lrScale has " + lrScale.length + " entries for "
                        + this.params.size() + " parameters; need one per parameter");
            }
            for (int k = 0; k < lrScale.length; k++) {
                if (!(lrScale[k] > 0) || !Double.isFinite(lrScale[k])) {
                    throw new IllegalArgumentException("Adam: lrScale[" + k + "] (" + this.params.get(k).name() + ") = "
                            + lrScale[k] + "; must be finite and > 0");
                }
                this.lrScale[k] = lrScale[k];
            }
        }
        this.m = OptimizerState.zerosLike(this.params);
        this.v = OptimizerState.zerosLike(this.params);
    }

    @Override
    public void step() {
        double lr = schedule.at(step);
        step++;
        double bc1 = 1.0 - Math.pow(beta1, step);
        double bc2 = 1.0 - Math.pow(beta2, step);
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            double[] th = p.value().data;
            double[] g = p.grad().data;
            double[] mk = m[k].data;
            double[] vk = v[k].data;
            int n = p.size();
            double lrk = lr * lrScale[k];
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                if (weightDecay != 0 && !decoupled) {
                    gi += weightDecay * th[i];
                }
                mk[i] = beta1 * mk[i] + (1 - beta1) * gi;
                vk[i] = beta2 * vk[i] + (1 - beta2) * gi * gi;
                double mHat = mk[i] / bc1;
                double vHat = vk[i] / bc2;
                double update = mHat / (Math.sqrt(vHat) + eps);
                if (weightDecay != 0 && decoupled) {
                    update += weightDecay * th[i];
                }
                th[i] -= lrk * update;
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(params);
    }

    /** Number of completed updates {@code t}. */
    public long stepCount() {
        return step;
    }

    /** Sets the number of completed updates (for restoring a checkpoint). */
    public void setStepCount(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("Adam: step count " + t + " must be >= 0");
        }
        this.step = t;
    }

    /** The learning rate the next {@link #step()} will use. */
    public double currentLearningRate() {
        return schedule.at(step);
    }

    /** The live first-moment buffer {@code m} of parameter {@code k} (in {@link #parameters()} order). */
    public DMatrixRMaj firstMoment(int k) {
        return m[k];
    }

    /** The live second-moment buffer {@code v} of parameter {@code k}. */
    public DMatrixRMaj secondMoment(int k) {
        return v[k];
    }

    /** Copies of the moment buffers, keyed {@code "m/" + name} and {@code "v/" + name}, in parameter order. */
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> out = OptimizerState.newMap();
        OptimizerState.export(out, FIRST_MOMENT_PREFIX, params, m);
        OptimizerState.export(out, SECOND_MOMENT_PREFIX, params, v);
        return out;
    }

    /**
     * Restores the state saved by {@link #state()} and {@link #stepCount()}. Checks every entry (name and
     * shape) before changing anything; extra entries are ignored.
     */
    public void loadState(long stepCount, Map<String, DMatrixRMaj> state) {
        if (stepCount < 0) {
            throw new IllegalArgumentException("Adam: step count " + stepCount + " must be >= 0");
        }
        DMatrixRMaj[] mm = OptimizerState.zerosLike(params);
        DMatrixRMaj[] vv = OptimizerState.zerosLike(params);
        OptimizerState.restore("Adam", state, FIRST_MOMENT_PREFIX, params, mm);
        OptimizerState.restore("Adam", state, SECOND_MOMENT_PREFIX, params, vv);
        for (int k = 0; k < params.size(); k++) {
            m[k].setTo(mm[k]);
            v[k].setTo(vv[k]);
        }
        this.step = stepCount;
    }
}
