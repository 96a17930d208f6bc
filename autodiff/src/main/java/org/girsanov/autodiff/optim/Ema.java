package org.girsanov.autodiff.optim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * Exponential moving average of parameters (Polyak–Ruppert style averaging as used for diffusion
 * models, e.g. Song et al. ICLR 2021): after each optimiser step, {@link #update()} sets
 * <pre>  θ̄ ← β θ̄ + (1 − β) θ  </pre>
 * with the shadow {@code θ̄} starting at the parameters' values when the EMA is created. Evaluation can
 * use the averaged weights by {@link #copyTo} (into another module's parameters) or by {@link #swap()}
 * (exchange live and shadow values; swap again to continue training).
 */
public final class Ema {
    /** Prefix of the shadow entries in {@link #state()}. */
    public static final String SHADOW_PREFIX = "ema/";

    private final List<Parameter> params;
    private final double decay;
    private final DMatrixRMaj[] shadow;
    private long updates;

    /** @param decay β in [0, 1) */
    public Ema(List<Parameter> params, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("Ema: decay = " + decay + "; need 0 <= decay < 1");
        }
        OptimizerState.checkUniqueNames("Ema", params);
        this.params = List.copyOf(params);
        this.decay = decay;
        this.shadow = new DMatrixRMaj[this.params.size()];
        for (int k = 0; k < shadow.length; k++) {
            shadow[k] = this.params.get(k).value().copy();
        }
    }

    /** {@code θ̄ ← β θ̄ + (1 − β) θ} for every parameter. */
    public void update() {
        for (int k = 0; k < shadow.length; k++) {
            double[] s = shadow[k].data;
            double[] th = params.get(k).value().data;
            int n = params.get(k).size();
            for (int i = 0; i < n; i++) {
                s[i] = decay * s[i] + (1 - decay) * th[i];
            }
        }
        updates++;
    }

    /** Copies the shadow values into {@code targets} (same order and shapes as {@link #parameters()}). */
    public void copyTo(List<Parameter> targets) {
        if (targets.size() != shadow.length) {
            throw new IllegalArgumentException("Ema.copyTo: " + targets.size() + " targets for " + shadow.length + " parameters");
        }
        for (int k = 0; k < shadow.length; k++) {
            Parameter t = targets.get(k);
            if (t.rows() != shadow[k].numRows || t.cols() != shadow[k].numCols) {
                throw new IllegalArgumentException("Ema.copyTo: target '" + t.name() + "' is " + t.rows() + "x" + t.cols()
                        + " but the shadow of '" + params.get(k).name() + "' is " + shadow[k].numRows + "x" + shadow[k].numCols);
            }
        }
        for (int k = 0; k < shadow.length; k++) {
            System.arraycopy(shadow[k].data, 0, targets.get(k).value().data, 0, targets.get(k).size());
        }
    }

    /** Exchanges the live parameter values with the shadow values; calling it twice restores both. */
    public void swap() {
        for (int k = 0; k < shadow.length; k++) {
            double[] s = shadow[k].data;
            double[] th = params.get(k).value().data;
            int n = params.get(k).size();
            for (int i = 0; i < n; i++) {
                double tmp = s[i];
                s[i] = th[i];
                th[i] = tmp;
            }
        }
    }

    public double decay() {
        return decay;
    }

    /** Number of {@link #update()} calls. */
    public long updateCount() {
        return updates;
    }

    public List<Parameter> parameters() {
        return Collections.unmodifiableList(params);
    }

    /** The live shadow buffer of parameter {@code k}. */
    public DMatrixRMaj shadow(int k) {
        return shadow[k];
    }

    /** Copies of the shadow buffers keyed {@code "ema/" + name}. */
    public Map<String, DMatrixRMaj> state() {
        Map<String, DMatrixRMaj> out = OptimizerState.newMap();
        OptimizerState.export(out, SHADOW_PREFIX, params, shadow);
        return out;
    }

    /** Restores {@link #state()} and the update count; checks names and shapes before changing anything. */
    public void loadState(long updateCount, Map<String, DMatrixRMaj> state) {
        if (updateCount < 0) {
            throw new IllegalArgumentException("Ema: update count " + updateCount + " must be >= 0");
        }
        DMatrixRMaj[] ss = OptimizerState.zerosLike(params);
        OptimizerState.restore("Ema", state, SHADOW_PREFIX, params, ss);
        for (int k = 0; k < shadow.length; k++) {
            shadow[k].setTo(ss[k]);
        }
        this.updates = updateCount;
    }
}
