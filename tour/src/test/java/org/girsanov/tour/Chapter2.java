package org.girsanov.tour;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Divergence;
import org.girsanov.autodiff.GradCheck;
import org.girsanov.autodiff.Probe;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.sde.RandomStreams;

/** Chapter 2 (docs/tour/02-divergences.md): the divergence of a network, exact and by Hutchinson, and its gradient. */
public final class Chapter2 {
    static final int D = 4;
    static final double[] X0 = {0.5, -1.0, 0.25, 1.5};

    /** {@code rows} copies of the point x0, as an {@code rows × d} batch. */
    static DMatrixRMaj copies(int rows) {
        DMatrixRMaj x = new DMatrixRMaj(rows, D);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(X0, 0, x.data, i * D, D);
        }
        return x;
    }

    public static void run(PrintStream out) {
        Mlp v = new Mlp("v", new int[] {D, 16, D}, Activation.TANH, RandomStreams.philox(2, 0, 0), false);

        // The Jacobian J = ∂v/∂x at x0, row i by one vector–Jacobian product e_iᵀ J.
        Tape t = new Tape();
        Var x = t.input(copies(1));
        Var vx = v.apply(t, x);
        double[][] jac = new double[D][];
        for (int i = 0; i < D; i++) {
            DMatrixRMaj e = new DMatrixRMaj(1, D);
            e.data[i] = 1;
            jac[i] = t.vjp(vx, t.constant(e), false, x)[0].value().data.clone();
        }
        double trace = 0;
        double sym2 = 0;
        double diag2 = 0;
        for (int i = 0; i < D; i++) {
            trace += jac[i][i];
            diag2 += jac[i][i] * jac[i][i];
            for (int j = 0; j < D; j++) {
                sym2 += 0.5 * (jac[i][j] + jac[j][i]) * (jac[i][j] + jac[j][i]);
            }
        }
        double fd = 0;
        double h = 1e-5;
        for (int j = 0; j < D; j++) {
            Tape free = Tape.noGrad();
            DMatrixRMaj plus = copies(1);
            DMatrixRMaj minus = copies(1);
            plus.data[j] += h;
            minus.data[j] -= h;
            fd += (v.apply(free, free.constant(plus)).get(0, j) - v.apply(free, free.constant(minus)).get(0, j)) / (2 * h);
        }
        out.printf(Locale.ROOT, "tr J (d vector-Jacobian products) = %.10f%n", trace);
        out.printf(Locale.ROOT, "Divergence.exact                  = %.10f%n", Divergence.exact(t, vx, x).scalar());
        out.printf(Locale.ROOT, "central differences, h = 1e-5     = %.7f%n", fd);

        // Hutchinson: many independent estimates at once, one row of x0 per estimate, one probe set per row.
        int r = 20000;
        Tape big = new Tape();
        Var xs = big.input(copies(r));
        Var vs = v.apply(big, xs);
        out.printf(Locale.ROOT, "%nHutchinson, %d estimates each:%n%-11s %3s %11s %10s %10s %10s%n", r,
                "probe", "m", "mean", "std error", "variance", "theory");
        for (Probe probe : Probe.values()) {
            double theory = probe == Probe.RADEMACHER ? sym2 - 2 * diag2 : sym2;
            for (int m : new int[] {1, 8}) {
                UniformRandomProvider rng = RandomStreams.philox(3, m, probe.ordinal());
                double[] est = Divergence.hutchinson(big, vs, xs, m, probe, rng).value().data;
                double mean = 0;
                for (double e : est) {
                    mean += e / r;
                }
                double var = 0;
                for (double e : est) {
                    var += (e - mean) * (e - mean) / (r - 1);
                }
                out.printf(Locale.ROOT, "%-11s %3d %11.5f %10.5f %10.5f %10.5f%n", probe.name().toLowerCase(Locale.ROOT),
                        m, mean, Math.sqrt(var / r), var, theory / m);
            }
        }

        // The divergence as a loss term: L(θ) = mean_i ∇·v_θ(x_i) must be differentiable in the weights θ.
        DMatrixRMaj batch = new DMatrixRMaj(8, D);
        UniformRandomProvider rng = RandomStreams.philox(4, 0, 0);
        for (int k = 0; k < batch.getNumElements(); k++) {
            batch.data[k] = 2 * rng.nextDouble() - 1;
        }
        DMatrixRMaj[] probes = {Probe.RADEMACHER.draw(8, D, rng), Probe.RADEMACHER.draw(8, D, rng)};
        Parameter[] theta = v.parameters().toArray(new Parameter[0]);
        GradCheck.Result exact = GradCheck.parameters(tp -> {
            Var b = tp.input(batch);
            return Divergence.exact(tp, v.apply(tp, b), b).mean();
        }, 1e-6, theta);
        GradCheck.Result hutch = GradCheck.parameters(tp -> {
            Var b = tp.input(batch);
            return Divergence.hutchinson(tp, v.apply(tp, b), b, probes).mean();
        }, 1e-6, theta);
        out.printf(Locale.ROOT, "%ndL/dθ of L = mean ∇·v_θ over %d weights, against central differences:%n", v.parameterCount());
        out.printf(Locale.ROOT, "  exact divergence:           max relative error below 1e-6: %b%n", exact.maxRelativeError() < 1e-6);
        out.printf(Locale.ROOT, "  Hutchinson, 2 fixed probes: max relative error below 1e-6: %b%n", hutch.maxRelativeError() < 1e-6);
        Var b = t.input(batch);
        Var vb = v.apply(t, b);
        Var once = t.vjp(vb, t.constant(probes[0]), false, b)[0];
        out.printf(Locale.ROOT, "  the same VJP without createGraph is a constant: requiresGrad = %b%n", once.requiresGrad());
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
