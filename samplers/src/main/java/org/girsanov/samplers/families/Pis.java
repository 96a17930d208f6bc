package org.girsanov.samplers.families;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.paths.GaussianDensity;
import org.girsanov.samplers.paths.PathEngine;
import org.girsanov.samplers.paths.PathModel;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.TimeGrid;

/**
 * The Path Integral Sampler (Zhang &amp; Chen, ICLR 2022): prior {@code δ_0}, reference Brownian motion
 * {@code dX = σ dW} (so {@code π_ref = N(0, σ²T I)} at time T), controlled {@code dX = σ u dt + σ dW}.
 * Reference kernels {@code N(x_n, σ²Δt_n I)} ({@code a_n = 1}, {@code s_n = σ√Δt_n}); the backward process
 * is the Brownian bridge to 0, {@code x_n | x_{n+1} ~ N((t_n/t_{n+1}) x_{n+1}, σ² t_n Δt_n / t_{n+1} I)}.
 * Reference protocol (Richter &amp; Berner ICLR 2024): {@code σ = √0.2}, {@code T = 5}.
 */
public final class Pis extends ReferenceControlledSampler {
    private final double sigma;

    public Pis(Target target, TimeGrid grid, Control control, double sigma) {
        super(target, check(grid), control, ones(grid.steps()), brownianStd(grid, checkSigma(sigma)));
        this.sigma = sigma;
    }

    private static double checkSigma(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("PIS: sigma = " + sigma + "; must be finite and > 0");
        }
        return sigma;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    private static double[] brownianStd(TimeGrid grid, double sigma) {
        double[] s = new double[grid.steps()];
        for (int n = 0; n < s.length; n++) {
            s[n] = sigma * Math.sqrt(grid.dt(n));
        }
        return s;
    }

    private static TimeGrid check(TimeGrid grid) {
        if (grid.start() != 0.0) {
            throw new IllegalArgumentException("PIS: the grid must start at t = 0; got " + grid.start());
        }
        return grid;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public String name() {
        return "pis";
    }

    @Override
    public PathModel withGrid(TimeGrid g) {
        return new Pis(target, g, control, sigma);
    }

    @Override
    protected Var logReferenceTerminal(Tape t, Var x) {
        return GaussianDensity.logDensityIsotropic(t, x, sigma * Math.sqrt(grid.end()));
    }

    @Override
    public DMatrixRMaj samplePrior(int n, UniformRandomProvider rng) {
        return new DMatrixRMaj(n, dimension());
    }

    @Override
    public DMatrixRMaj sampleBackward(Tape t, DMatrixRMaj xNext, int n, UniformRandomProvider rng) {
        double tn = grid.time(n);
        double t1 = grid.time(n + 1);
        DMatrixRMaj out = new DMatrixRMaj(xNext.numRows, xNext.numCols);
        if (n == 0 || tn == 0.0) {
            return out;
        }
        double ratio = tn / t1;
        double std = sigma * Math.sqrt(tn * grid.dt(n) / t1);
        DMatrixRMaj xi = PathEngine.gaussian(xNext.numRows, xNext.numCols, rng);
        for (int i = 0; i < out.data.length && i < xNext.getNumElements(); i++) {
            out.data[i] = ratio * xNext.data[i] + std * xi.data[i];
        }
        return out;
    }
}
