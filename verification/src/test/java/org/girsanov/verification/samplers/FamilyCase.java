package org.girsanov.verification.samplers;

import java.util.Locale;
import org.girsanov.samplers.control.Control;
import org.girsanov.samplers.control.FourierMlp;
import org.girsanov.samplers.families.Bridge;
import org.girsanov.samplers.families.Cmcd;
import org.girsanov.samplers.families.Dds;
import org.girsanov.samplers.families.Dis;
import org.girsanov.samplers.families.Gfn;
import org.girsanov.samplers.families.Mcd;
import org.girsanov.samplers.ldvi.Ldvi;
import org.girsanov.samplers.families.Lrds;
import org.girsanov.samplers.annealed.AnnealingSchedule;
import org.girsanov.samplers.nets.Nets;
import org.girsanov.samplers.pinn.LogDensityModel;
import org.girsanov.samplers.pinn.LogDensityNet;
import org.girsanov.samplers.pinn.Pinn;
import org.girsanov.sde.IsotropicGaussian;
import org.girsanov.samplers.marginal.IdemSampler;
import org.girsanov.samplers.marginal.IdemScore;
import org.girsanov.sde.VpLinearSchedule;
import org.girsanov.samplers.families.Pis;
import org.girsanov.samplers.families.Sampler;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.GaussianTarget;
import org.girsanov.sde.TimeGrid;
import org.girsanov.verification.Generator;

/**
 * A random instance of one sampler family on a random Gaussian target ({@link GaussianCase}): every family of
 * the library, with the parametrisation its factory uses (PIS σ = √0.2, T = 5; DDS/DIS σ = 1, β 0.1 → 10,
 * T = 1; bridge σ = 1, prior N(0, 1), T = 1; GFN σ = √0.2, T = 5; CMCD and MCD σ = 1, prior N(0, 1), T = 1, linear β; NETS as
 * CMCD with ε = σ² = 1; LRDS
 * σ = 1, β 0.1 → 10, T = 1, with the target's normalised law as its reference mixture {@code π_ref}; LDVI with leapfrog
 * step {@value #LDVI_STEP}, friction 1, prior N(0, I), linear β, T = 1, its momentum correction a Fourier MLP 2d → d;
 * PINN σ = 1, prior N(0, I), T = 1, its log-density a {@link LogDensityNet} of width 8).
 */
record FamilyCase(String family, GaussianCase gaussian, int steps) {
    /** The weight perturbation of {@link #near()}: small, so that the importance weights are not heavy-tailed. */
    static final double NEAR = 0.05;
    /** The leapfrog step of LDVI's instances. */
    static final double LDVI_STEP = 0.2;

    /** Random target and step count for one family. */
    static Generator<FamilyCase> generator(String family) {
        return rng -> new FamilyCase(family, GaussianCase.generator().next(rng), 4 + rng.nextInt(17));
    }

    /** The family with small Fourier-MLP networks whose every weight is perturbed. */
    Sampler perturbed() {
        return build(gaussian.target(), 0.2);
    }

    /**
     * The family at its exact optimum in discrete time, where it has one: PIS with the Föllmer control (optimal up
     * to O(Δt), so on 200 steps); DDS and DIS with zero control for the target {@code Z · N(0, σ² I)}, their
     * stationary law; GFN with zero networks for {@code Z · N(0, σ²T I)}, the law of its reference; iDEM (the DIS pair driven by {@code s = −x/σ² + r}) with {@code r = 0}, like DIS; LRDS with zero
     * control, its reference {@code π_ref} being the target's law (exact at every N by the telescoped form). The bridge has
     * no closed-form optimum in the family (its Euler–Maruyama backward kernel is never an exact reversal).
     */
    Sampler optimum() {
        int d = gaussian.dimension();
        double logZ = gaussian.logZ();
        switch (family) {
            case "pis":
                return gaussian.follmer(200, 0.0);
            case "dds":
            case "dis":
            case "idem":
                return build(GaussianTarget.isotropic("stationary", new double[d], 1.0, logZ), 0.0);
            case "lrds":
                return build(gaussian.target(), 0.0);
            case "gfn":
                return build(GaussianTarget.isotropic("brownian", new double[d],
                        GaussianCase.SIGMA * GaussianCase.SIGMA * GaussianCase.HORIZON, logZ), 0.0);
            default:
                throw new IllegalArgumentException("FamilyCase: no exact optimum for " + family);
        }
    }

    /**
     * A sampler near its target but not at the optimum, where the importance identities have usable standard
     * errors: PIS with the Föllmer control perturbed by θ = 0.3; the other families with networks perturbed by {@link #NEAR} for
     * the target of {@link #optimum()}; the bridge for {@code Z · N(0, 2 I)}, the law at T = 1 of Brownian motion
     * from its prior, with a perturbed {@code u} and the exact reversal's {@code v} ({@link #REVERSAL}); CMCD with
     * (and NETS, the same pair) the transport drift of the Gaussian annealing path ({@link AnnealedGaussians#transport}), the continuous-time
     * optimum, which on 4–20 Euler steps is near but not at the discrete one; MCD with its backward drift perturbed by
     * {@link #NEAR} around 0 (unadjusted annealing), LDVI with its momentum correction perturbed likewise (uncorrected
     * Hamiltonian annealing); PINN, like the bridge, for {@code Z · N(0, 2 I)} with a perturbed drift and the exact
     * log-density of Brownian motion from its prior ({@link #BROWNIAN_LOG_DENSITY}).
     */
    Sampler near() {
        if (family.equals("pis")) {
            return gaussian.follmer(steps, 0.3);
        }
        if (family.equals("cmcd")) {
            AnnealedGaussians path = new AnnealedGaussians(1.0, gaussian.mean(), gaussian.variance(), gaussian.logZ(), 1.0);
            return new Cmcd(gaussian.target(), TimeGrid.uniform(1.0, steps), path.transport(), 1.0, 1.0);
        }
        if (family.equals("nets")) {
            AnnealedGaussians path = new AnnealedGaussians(1.0, gaussian.mean(), gaussian.variance(), gaussian.logZ(), 1.0);
            return new Nets(gaussian.target(), TimeGrid.uniform(1.0, steps), path.transport(), 1.0, 1.0,
                    AnnealingSchedule.linear());
        }
        if (family.equals("pinn")) {
            int d = gaussian.dimension();
            GaussianTarget law = GaussianTarget.isotropic("forward-law", new double[d], 2.0, gaussian.logZ());
            return new Pinn(law, TimeGrid.uniform(1.0, steps), net("b", d, d, NEAR, 0), BROWNIAN_LOG_DENSITY, 1.0, 1.0);
        }
        if (family.equals("mcd") || family.equals("ldvi")) {
            return build(gaussian.target(), NEAR);
        }
        if (family.equals("bridge")) {
            int d = gaussian.dimension();
            GaussianTarget law = GaussianTarget.isotropic("forward-law", new double[d], 2.0, gaussian.logZ());
            return new Bridge(law, TimeGrid.uniform(1.0, steps), net("u", d, d, NEAR, 0), REVERSAL, 1.0, 1.0);
        }
        Sampler o = optimum();
        return build((GaussianTarget) o.target(), NEAR);
    }

    /**
     * The bridge's backward control for Brownian motion from {@code N(0, I)} ({@code σ = 1}): marginals
     * {@code N(0, (1 + t) I)}, reversal drift {@code μ← = −σ²∇log p_t = x/(1 + t)}, so {@code v = −μ←/σ = −x/(1 + t)}.
     */
    static final Control REVERSAL = new Control() {
        @Override
        public org.girsanov.autodiff.Var apply(org.girsanov.autodiff.Tape t, org.girsanov.autodiff.Var x, double time) {
            return t.scale(x, -1.0 / (1.0 + time));
        }

        @Override
        public java.util.List<org.girsanov.autodiff.nn.Parameter> parameters() {
            return java.util.List.of();
        }
    };

    /** {@code u(x, t) = log N(x; 0, (1 + t) I)}, the marginals of {@code dX = dW} from {@code N(0, I)}. */
    static final LogDensityModel BROWNIAN_LOG_DENSITY = (t, x, s) -> {
        org.girsanov.autodiff.Var v = t.addScalar(s, 1.0);
        return t.sub(t.scale(t.log(t.scale(v, 2 * Math.PI)), -0.5 * x.cols()),
                t.div(t.sumCols(t.square(x)), t.scale(v, 2)));
    };

    /**
     * A sampler with affine-Gaussian forward kernels (so its terminal law is Gaussian in closed form), away from
     * its optimum: PIS with the Föllmer control of another Gaussian (half the mean, 1.5 times the variance), which is
     * linear in x; DDS and DIS with zero control; CMCD with zero drift (its Langevin drift is linear for a Gaussian);
     * LDVI with zero correction (its leapfrogs are linear for a Gaussian, its refreshes affine-Gaussian on phase space);
     * PINN with zero drift and the untrained log-density (quadratic in x for a Gaussian target, so its backward kernel
     * is affine-Gaussian too).
     */
    Sampler linear() {
        switch (family) {
            case "pis": {
                double[] half = gaussian.mean().clone();
                for (int j = 0; j < half.length; j++) {
                    half[j] *= 0.5;
                }
                return new Pis(gaussian.target(), TimeGrid.uniform(GaussianCase.HORIZON, steps), new org.girsanov.samplers.families.FollmerControl(
                        half, 1.5 * gaussian.variance(), gaussian.logZ(), GaussianCase.SIGMA, GaussianCase.HORIZON), GaussianCase.SIGMA);
            }
            case "dds":
            case "dis":
            case "idem":
            case "cmcd":
            case "nets":
            case "mcd":
            case "ldvi":
            case "pinn":
                return build(gaussian.target(), 0.0);
            default:
                throw new IllegalArgumentException("FamilyCase: " + family + " has no affine-Gaussian instance");
        }
    }

    private Sampler build(GaussianTarget target, double perturb) {
        int d = target.dimension();
        switch (family) {
            case "pis":
                return new Pis(target, TimeGrid.uniform(GaussianCase.HORIZON, steps), net("u", d, d, perturb, 0), GaussianCase.SIGMA);
            case "dds":
                return new Dds(target, TimeGrid.uniform(1.0, steps), net("u", d, d, perturb, 0), 1.0, 0.1, 10.0);
            case "dis":
                return new Dis(target, TimeGrid.uniform(1.0, steps), net("u", d, d, perturb, 0), 1.0, 0.1, 10.0);
            case "bridge":
                return new Bridge(target, TimeGrid.uniform(1.0, steps), net("u", d, d, perturb, 0),
                        net("v", d, d, perturb, 1), 1.0, 1.0);
            case "gfn":
                return new Gfn(target, TimeGrid.uniform(GaussianCase.HORIZON, steps), net("u", d, d, perturb, 0),
                        net("c", d, d, perturb, 1), GaussianCase.SIGMA);
            case "cmcd":
                return new Cmcd(target, TimeGrid.uniform(1.0, steps), net("f", d, d, perturb, 0), 1.0, 1.0);
            case "nets":
                return new Nets(target, TimeGrid.uniform(1.0, steps), net("b", d, d, perturb, 0), 1.0, 1.0,
                        AnnealingSchedule.linear());
            case "mcd":
                return new Mcd(target, TimeGrid.uniform(1.0, steps), net("g", d, d, perturb, 0), 1.0, 1.0);
            case "ldvi":
                return new Ldvi(target, TimeGrid.uniform(1.0, steps), net("s", 2 * d, d, perturb, 0), LDVI_STEP, 1.0, 1.0,
                        AnnealingSchedule.linear(), false);
            case "pinn": {
                TimeGrid grid = TimeGrid.uniform(1.0, steps);
                LogDensityNet u = new LogDensityNet("u", IsotropicGaussian.centred(d, 1.0), target, grid, 8, 1,
                        GaussianCase.rng(gaussian.weightSeed() + 20));
                if (perturb > 0) {
                    GaussianCase.perturb(u.parameters(), perturb, gaussian.weightSeed() + 21);
                }
                return new Pinn(target, grid, net("b", d, d, perturb, 0), u, 1.0, 1.0);
            }
            case "idem": {
                IdemScore score = new IdemScore(net("r", d, d, perturb, 0), new VpLinearSchedule(1.0, 0.1, 10.0, 1.0), 1.0);
                return new IdemSampler(new Dis(target, TimeGrid.uniform(1.0, steps), score.asControl(), 1.0, 0.1, 10.0), score);
            }
            case "lrds":
                return new Lrds(target, TimeGrid.uniform(1.0, steps), net("u", d, d, perturb, 0),
                        GaussianMixture.isotropic("reference", new double[][] {gaussian.mean()}, gaussian.variance(), null), 1.0, 0.1, 10.0);
            default:
                throw new IllegalArgumentException("FamilyCase: unknown family " + family);
        }
    }

    private Control net(String name, int in, int out, double perturb, int k) {
        FourierMlp n = new FourierMlp(name, in, out, 8, 1, GaussianCase.rng(gaussian.weightSeed() + 10 * k));
        if (perturb > 0) {
            GaussianCase.perturb(n.parameters(), perturb, gaussian.weightSeed() + 10 * k + 1);
        }
        return n;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FamilyCase(%s, N=%d, %s)", family, steps, gaussian);
    }
}
