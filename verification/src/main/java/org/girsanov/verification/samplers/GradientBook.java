package org.girsanov.verification.samplers;

import java.util.ArrayList;
import java.util.List;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.losses.Loss;
import org.girsanov.samplers.losses.LossValue;
import org.girsanov.samplers.losses.TrainingBatch;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.path.Behaviour;
import org.girsanov.sde.path.ChunkedExecutor;

/** Gradient bookkeeping shared by the sampler checks: flatten, zero, evaluate one batch, vector norms. */
final class GradientBook {
    private GradientBook() {
    }

    /** The model's parameters followed by the loss's own. */
    static List<Parameter> all(Sampler m, Loss l) {
        List<Parameter> ps = new ArrayList<>(m.parameters());
        ps.addAll(l.parameters());
        return ps;
    }

    static void zero(List<Parameter> ps) {
        Parameter.zeroGrads(ps);
    }

    /** The gradient buffers of {@code ps}, concatenated. */
    static double[] flatten(List<Parameter> ps) {
        return Parameter.flatGradient(ps);
    }

    /** Gradient and value of {@code loss} on one batch, with the gradients of {@code ps} zeroed first (and left set). */
    record Evaluation(double[] gradient, LossValue value) {
    }

    static Evaluation evaluate(Sampler m, Loss loss, List<Parameter> ps, int batch, int chunk, long seed,
                               long iteration, ChunkedExecutor ex, Behaviour behaviour) {
        zero(all(m, loss));
        LossValue v = loss.evaluate(new TrainingBatch(m, batch, chunk, behaviour, new RandomStreams(seed), iteration, ex, 1.0));
        return new Evaluation(flatten(ps), v);
    }

    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code sqrt(Σ_j Var_b[g_b[j]])}: the spread of a per-batch gradient estimator, as one number (unbiased variances). */
    static double totalStd(double[][] perBatch) {
        int b = perBatch.length;
        int n = perBatch[0].length;
        double total = 0;
        for (int j = 0; j < n; j++) {
            double m = 0;
            for (double[] g : perBatch) {
                m += g[j] / b;
            }
            double s = 0;
            for (double[] g : perBatch) {
                s += (g[j] - m) * (g[j] - m);
            }
            total += s / (b - 1);
        }
        return Math.sqrt(total);
    }

    static double[] mean(double[][] perBatch) {
        double[] m = new double[perBatch[0].length];
        for (double[] g : perBatch) {
            for (int j = 0; j < m.length; j++) {
                m[j] += g[j] / perBatch.length;
            }
        }
        return m;
    }
}
