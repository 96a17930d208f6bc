package org.girsanov.sde.kernel;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.process.LinearGaussianProcess;

/**
 * The exact backward kernel of a linear-Gaussian process with Gaussian marginals — Bayes' rule on one step:
 * with {@code x_n ~ N(m_n, s_n I)} and {@code x_{n+1} | x_n ~ N(a x_n, v I)},
 * <pre>  p←_n(x_n | x_{n+1}) = N(x_n; m_n + k (x_{n+1} − a m_n), (1 − k a) s_n I),   k = a s_n / (a² s_n + v).</pre>
 * Paired with {@link ExactTransition}, prior {@code p_0} and target {@code p_T}, every path has
 * {@code log w = 0} exactly (a closed-form check of the log-weight, docs/math.md §3).
 */
public record ExactReversal(LinearGaussianProcess process, TimeGrid grid) implements GaussianKernel {

    @Override
    public Direction direction() {
        return Direction.BACKWARD;
    }

    private Var mean(Tape tape, Var xNext, int n) {
        IsotropicGaussian pn = process.marginal(grid.time(n));
        double a = process.meanFactor(grid.time(n), grid.time(n + 1));
        double k = gain(n);
        Var m = tape.constant(pn.meanRow());
        return tape.add(m, tape.scale(tape.sub(xNext, tape.scale(m, a)), k));
    }

    private double gain(int n) {
        double sn = process.marginal(grid.time(n)).variance();
        double a = process.meanFactor(grid.time(n), grid.time(n + 1));
        double v = process.transitionVariance(grid.time(n), grid.time(n + 1));
        return a * sn / (a * a * sn + v);
    }

    private double variance(int n) {
        double sn = process.marginal(grid.time(n)).variance();
        double a = process.meanFactor(grid.time(n), grid.time(n + 1));
        return (1 - gain(n) * a) * sn;
    }

    @Override
    public GaussianMoments moments(Tape tape, Var prev, int n) {
        return GaussianMoments.isotropic(tape, mean(tape, prev, n), Math.sqrt(variance(n)));
    }
}
