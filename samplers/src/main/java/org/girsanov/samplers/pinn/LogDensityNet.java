package org.girsanov.samplers.pinn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Activation;
import org.girsanov.autodiff.nn.Mlp;
import org.girsanov.autodiff.nn.Module;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.sde.TimeGrid;

/**
 * The learned log-density of the PINN sampler with both boundary conditions built in (docs/math.md §6):
 * <pre>
 *   u_φ(x, t) = (1 − τ) log p_0(x) + τ (log ρ(x) − c_φ) + τ (1 − τ) N_φ(x, τ),     τ = (t − t_0)/(t_N − t_0),
 * </pre>
 * so {@code u_φ(·, t_0) = log p_0} (the prior, normalised) and {@code u_φ(·, t_N) = log ρ − c_φ} for every
 * {@code φ}: the terminal condition {@code p_1 = ρ/Z} of Sun et al. (2024, arXiv:2407.07873) holds with the learned
 * scalar {@code c_φ} in the place of {@code log Z}. Only the Fokker–Planck residual is trained; it vanishes only if
 * {@code exp u_φ} is the law of the SDE started at {@code p_0}, which is normalised at every time, so at its zero
 * {@code c_φ = log Z}. {@code N_φ} is a tanh MLP of {@code [x, τ]} (smooth, so {@code ∂_t u}, {@code ∇u} and
 * {@code Δu} are tape values differentiable in {@code φ}) with a zero output layer, and {@code c_φ} starts at 0: the
 * untrained {@code u_φ} is the geometric annealing path {@code log π̃_t − τ c}.
 */
public final class LogDensityNet implements LogDensityModel, Module {
    private final String name;
    private final IsotropicGaussian prior;
    private final Target target;
    private final double start;
    private final double horizon;
    private final Mlp correction;
    private final Parameter logZ;

    /**
     * @param prior  {@code p_0}
     * @param grid   the grid whose end points are {@code τ = 0} and {@code τ = 1}
     * @param width  hidden width of {@code N_φ}
     * @param layers hidden layers of {@code N_φ} ({@code ≥ 1})
     */
    public LogDensityNet(String name, IsotropicGaussian prior, Target target, TimeGrid grid, int width, int layers,
                         UniformRandomProvider rng) {
        this.name = Objects.requireNonNull(name, "LogDensityNet: name must not be null");
        this.prior = Objects.requireNonNull(prior, "LogDensityNet: prior must not be null");
        this.target = Objects.requireNonNull(target, "LogDensityNet: target must not be null");
        if (prior.dimension() != target.dimension()) {
            throw new IllegalArgumentException("LogDensityNet '" + name + "': prior dimension " + prior.dimension()
                    + " differs from the target's " + target.dimension());
        }
        if (width < 1 || layers < 1) {
            throw new IllegalArgumentException("LogDensityNet '" + name + "': need width >= 1 and layers >= 1; got "
                    + width + ", " + layers);
        }
        this.start = grid.time(0);
        this.horizon = grid.time(grid.steps()) - start;
        int[] sizes = new int[layers + 2];
        sizes[0] = target.dimension() + 1;
        for (int i = 1; i <= layers; i++) {
            sizes[i] = width;
        }
        sizes[layers + 1] = 1;
        this.correction = new Mlp(name + ".correction", sizes, Activation.TANH, rng, true);
        this.logZ = new Parameter(name + ".logZ", new DMatrixRMaj(1, 1));
    }

    @Override
    public Var logDensity(Tape t, Var x, Var time) {
        Var tau = t.scale(t.addScalar(time, -start), 1.0 / horizon);
        Var oneMinusTau = t.addScalar(t.neg(tau), 1.0);
        Var logPrior = prior.apply(t, x);
        Var towardsTarget = t.sub(t.sub(target.logDensity(t, x), t.param(logZ)), logPrior);
        Var net = correction.apply(t, t.concat(x, tau));
        return t.add(logPrior, t.add(t.mul(tau, towardsTarget), t.mul(t.mul(tau, oneMinusTau), net)));
    }

    /**
     * @throws IllegalArgumentException unless {@code target} is this network's and {@code grid} spans the same
     *         {@code [t_0, t_N]} (a refined grid does)
     */
    void checkFits(Target target, TimeGrid grid) {
        if (target != this.target) {
            throw new IllegalArgumentException("LogDensityNet '" + name + "': built for the target " + this.target.name()
                    + ", used with " + target.name() + "; u_φ(·, t_N) = log ρ − c_φ must be the sampler's target");
        }
        double end = grid.time(grid.steps());
        if (grid.time(0) != start || end - grid.time(0) != horizon) {
            throw new IllegalArgumentException("LogDensityNet '" + name + "': built on [" + start + ", "
                    + (start + horizon) + "], used on [" + grid.time(0) + ", " + end + "]; τ = 0 and τ = 1 must be the"
                    + " sampler's prior and target ends");
        }
    }

    /** {@code c_φ}, the learned {@code log Z}. */
    public double learnedLogZ() {
        return logZ.value().get(0);
    }

    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> all = new LinkedHashMap<>(correction.namedParameters());
        all.put(logZ.name(), logZ);
        return all;
    }

    @Override
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    public String name() {
        return name;
    }
}
