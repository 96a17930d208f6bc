package org.girsanov.autodiff;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.nn.Parameter;

/**
 * Central finite differences, {@code ∂f/∂θ_k ≈ (f(θ + h e_k) − f(θ − h e_k)) / 2h} (error O(h²)), to check
 * the tape's gradients of a scalar function.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** Result of a check: the largest error relative to {@code max(1, |analytic|, |numeric|)}, and where. */
    public record Result(double maxRelativeError, int argument, int index, double analytic, double numeric) {
        @Override
        public String toString() {
            return String.format("max relative error %.3e at argument %d index %d (analytic %.9g, numeric %.9g)",
                    maxRelativeError, argument, index, analytic, numeric);
        }
    }

    /**
     * Checks {@code f} (a 1×1 output built on the tape it is given from leaves made with
     * {@code tape.input(points[k])}) against central differences in every entry of every point.
     * The points are perturbed in place and restored.
     */
    public static Result inputs(Function<Var[], Var> f, double h, DMatrixRMaj... points) {
        Tape tape = new Tape();
        Var[] in = new Var[points.length];
        for (int k = 0; k < points.length; k++) {
            in[k] = tape.input(points[k]);
        }
        Var out = f.apply(in);
        Var[] g = tape.grad(out, false, in);
        Result worst = new Result(0, -1, -1, 0, 0);
        for (int k = 0; k < points.length; k++) {
            DMatrixRMaj p = points[k];
            for (int i = 0; i < p.getNumElements(); i++) {
                double numeric = central(() -> evaluate(f, points), p, i, h);
                worst = worse(worst, k, i, g[k].value().data[i], numeric);
            }
        }
        return worst;
    }

    /** Checks the gradient of {@code f(tape)} (1×1) with respect to the given parameters. */
    public static Result parameters(Function<Tape, Var> f, double h, Parameter... params) {
        Parameter.zeroGrads(java.util.List.of(params));
        Tape tape = new Tape();
        tape.backward(f.apply(tape));
        Result worst = new Result(0, -1, -1, 0, 0);
        for (int k = 0; k < params.length; k++) {
            Parameter p = params[k];
            for (int i = 0; i < p.size(); i++) {
                // a recording tape, so that f may itself take gradients (divergences, gradient norms)
                double numeric = central(() -> f.apply(new Tape()).scalar(), p.value(), i, h);
                worst = worse(worst, k, i, p.grad().data[i], numeric);
            }
        }
        return worst;
    }

    /** Evaluates {@code f} on a recording tape with input leaves, so that {@code f} may itself take gradients. */
    private static double evaluate(Function<Var[], Var> f, DMatrixRMaj[] points) {
        Tape t = new Tape();
        Var[] in = new Var[points.length];
        for (int k = 0; k < points.length; k++) {
            in[k] = t.input(points[k]);
        }
        return f.apply(in).scalar();
    }

    private static double central(java.util.function.DoubleSupplier eval, DMatrixRMaj m, int i, double h) {
        double x0 = m.data[i];
        m.data[i] = x0 + h;
        double fp = eval.getAsDouble();
        m.data[i] = x0 - h;
        double fm = eval.getAsDouble();
        m.data[i] = x0;
        return (fp - fm) / (2 * h);
    }

    private static Result worse(Result worst, int arg, int i, double analytic, double numeric) {
        double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
        double err = Math.abs(analytic - numeric) / scale;
        if (Double.isNaN(err) || err > worst.maxRelativeError()) {
            return new Result(Double.isNaN(err) ? Double.POSITIVE_INFINITY : err, arg, i, analytic, numeric);
        }
        return worst;
    }
}
