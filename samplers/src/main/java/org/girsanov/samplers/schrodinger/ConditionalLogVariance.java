package org.girsanov.samplers.schrodinger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Gradients;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.autodiff.optim.Adam;
import org.girsanov.sde.RandomStreams;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.path.ChunkedExecutor;

/**
 * The half-bridge towards a marginal known by its density only, fitted by the <b>conditional log-variance</b>
 * ({@link SchrodingerIpf}'s class Javadoc, "A target known by its density"), in either direction. The fitted kernels
 * {@code K} run from the sampled end {@code a} towards the density end {@code b} (forward from {@code ρ0} to a density
 * {@code ρ1}, or backward from {@code ρ1} to a density {@code ρ0}); the previous process of the other direction has
 * kernels {@code O}. The half-bridge {@code ρ_a ⊗ R( · | x_a)}, {@code R = ρ̃_b ⊗ O}, is the process whose
 * <pre>
 *   log w = log ρ̃_b(X_b) + Σ_n log O_n − Σ_n log K_n
 * </pre>
 * is constant given {@code X_a}; one Adam step draws {@code batch / }{@value SchrodingerIpf#REPLICATES} points of
 * {@code ρ_a}, runs {@value SchrodingerIpf#REPLICATES} paths of {@code K} from each (detached, noise times the
 * exploration {@code κ}), centres {@code log w} within each group and follows {@code (2/B) Σ_i r_i ∇ log w_i =
 * −(2/B) Σ_i r_i Σ_n ∇ log K_n} with the centred {@code r_i} held fixed. The two directions are one code path: mirror
 * images under time reversal.
 */
final class ConditionalLogVariance {
    private final TimeGrid grid;
    private final IpfConfig config;
    private final RandomStreams streams;
    private final ChunkedExecutor executor;

    ConditionalLogVariance(TimeGrid grid, IpfConfig config, RandomStreams streams, ChunkedExecutor executor) {
        this.grid = grid;
        this.config = config;
        this.streams = streams;
        this.executor = executor;
    }

    private record Simulated(List<DMatrixRMaj> states, double[] logWeights) {
    }

    /**
     * One Adam step of {@code fitted}'s parameters at IPF step {@code s} (the paths' random stream); {@code from} is
     * the sampled end, {@code to} the density end. Returns the conditional log-variance.
     */
    double step(GaussianKernel fitted, MarkovKernel other, BridgeEnd from, BridgeEnd to, List<Parameter> params, Adam adam,
                long s) {
        Parameter.zeroGrads(params);
        int replicates = SchrodingerIpf.REPLICATES;
        int chunk = Math.max(replicates, config.chunk() / replicates * replicates);
        int chunks = (config.batch() + chunk - 1) / chunk;
        boolean fwd = fitted.direction() == Direction.FORWARD;
        List<Simulated> paths = executor.map(chunks, c -> {
            int rows = Math.min(chunk, config.batch() - c * chunk);
            UniformRandomProvider rng = streams.stream(s, c, SchrodingerIpf.PATH_STREAM);
            List<DMatrixRMaj> x = explore(fitted, replicate(from.sample(rows / replicates, rng), replicates), rng);
            double[] lw = logDensity(to, x.get(fwd ? grid.steps() : 0));
            addLogKernelRatio(lw, fwd ? 1 : -1, fwd ? other : fitted, fwd ? fitted : other, x);
            return new Simulated(x, lw);
        });
        double loss = 0;
        List<double[]> residuals = new ArrayList<>();
        for (Simulated p : paths) {
            double[] r = p.logWeights().clone();
            for (int g = 0; g < r.length; g += replicates) {
                double m = 0;
                for (int j = 0; j < replicates; j++) {
                    m += r[g + j] / replicates;
                }
                for (int j = 0; j < replicates; j++) {
                    r[g + j] -= m;
                    loss += r[g + j] * r[g + j] / config.batch();
                }
            }
            residuals.add(r);
        }
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("SchrodingerIpf: non-finite conditional log-variance " + loss + " at step " + s
                    + "; lower lr or check the " + (fwd ? "end" : "start") + " density on the simulated paths");
        }
        List<Gradients> sinks = executor.map(chunks, c -> {
            List<DMatrixRMaj> x = paths.get(c).states();
            DMatrixRMaj r = new DMatrixRMaj(residuals.get(c).length, 1, true, residuals.get(c));
            Gradients sink = new Gradients();
            for (int k = 0; k < grid.steps(); k++) { // ∇ log w_i = −Σ_k ∇ log K_k: weight −(2/B) r_i
                Tape t = new Tape();
                Var lp = logDensity(t, fitted, x, k);
                t.backward(t.scale(t.sum(t.mul(t.constant(r), lp)), -2.0 / config.batch()), sink);
            }
            return sink;
        });
        for (Gradients g : sinks) {
            g.addToParameters();
        }
        adam.step();
        return loss;
    }

    /** Paths of {@code kernel} from {@code start} at its own end, noise times the exploration: states at {@code t_0..t_N}. */
    private List<DMatrixRMaj> explore(GaussianKernel kernel, DMatrixRMaj start, UniformRandomProvider rng) {
        int n = grid.steps();
        boolean fwd = kernel.direction() == Direction.FORWARD;
        DMatrixRMaj[] x = new DMatrixRMaj[n + 1];
        x[fwd ? 0 : n] = start;
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int j = 0; j < n; j++) {
            int k = fwd ? j : n - 1 - j;
            Tape free = Tape.noGrad();
            DMatrixRMaj z = new DMatrixRMaj(start.numRows, start.numCols);
            for (int e = 0; e < z.data.length; e++) {
                z.data[e] = g.sample();
            }
            DMatrixRMaj known = x[fwd ? k : k + 1];
            x[fwd ? k + 1 : k] = kernel.moments(free, free.constant(known), k).sample(z, config.exploration());
        }
        return Arrays.asList(x);
    }

    /** {@code log ρ̃(x)} per row of the density end, gradient-free. */
    static double[] logDensity(BridgeEnd end, DMatrixRMaj x) {
        Tape t = Tape.noGrad();
        return end.target().logDensity(t, t.constant(x)).value().data.clone();
    }

    /**
     * Adds {@code sign · (log p←_k(x_k | x_{k+1}) − log p→_k(x_{k+1} | x_k))} for {@code k = 0, …, N−1} in turn to
     * each path's {@code lw}, gradient-free: the one place of the kernels' part of every path weight of a bridge.
     */
    static void addLogKernelRatio(double[] lw, int sign, MarkovKernel backward, MarkovKernel forward, List<DMatrixRMaj> x) {
        Tape t = Tape.noGrad();
        int n = x.size() - 1;
        for (int k = 0; k < n; k++) {
            double[] b = logDensity(t, backward, x, k).value().data;
            double[] f = logDensity(t, forward, x, k).value().data;
            for (int i = 0; i < lw.length; i++) {
                lw[i] += sign * (b[i] - f[i]);
            }
        }
    }

    /** {@code log p_k} of grid step {@code k} of a forward ({@code x_{k+1} | x_k}) or backward ({@code x_k | x_{k+1}}) kernel. */
    private static Var logDensity(Tape t, MarkovKernel kernel, List<DMatrixRMaj> x, int k) {
        boolean fwd = kernel.direction() == Direction.FORWARD;
        return kernel.logDensity(t, t.constant(x.get(fwd ? k + 1 : k)), t.constant(x.get(fwd ? k : k + 1)), k);
    }

    /** Each row of {@code x} {@code m} times in a row. */
    private static DMatrixRMaj replicate(DMatrixRMaj x, int m) {
        int d = x.numCols;
        DMatrixRMaj out = new DMatrixRMaj(x.numRows * m, d);
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(x.data, i * d, out.data, (i * m + j) * d, d);
            }
        }
        return out;
    }
}
