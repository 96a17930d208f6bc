package org.girsanov.sde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.kernel.EulerMaruyamaBackward;
import org.girsanov.sde.kernel.EulerMaruyamaForward;
import org.girsanov.sde.path.NoiseSource;
import org.girsanov.sde.path.Path;
import org.girsanov.sde.path.PathSimulator;
import org.girsanov.sde.process.VpOrnsteinUhlenbeck;
import org.girsanov.sde.rnd.LogWeight;
import org.junit.jupiter.api.Test;

/**
 * KL between two OU path measures with the same constant diffusion {@code s} and Gaussian initial laws:
 * {@code P: dX = −a X dt + s dW, X_0 ~ N(m_p, v_p I)} and {@code Q: dX = −b X dt + s dW, X_0 ~ N(m_q, v_q I)}.
 * By Girsanov, {@code log dP/dQ = log p_0/q_0 (X_0) + ∫ (μ_P − μ_Q)/s² · dX − ∫ (|μ_P|² − |μ_Q|²)/(2s²) dt}; under P,
 * {@code dX = μ_P dt + s dW}, so
 * <pre>  KL(P‖Q) = KL(p_0‖q_0) + E_P ∫_0^T |μ_P − μ_Q|²/(2s²) dt = KL(p_0‖q_0) + (b−a)²/(2s²) ∫_0^T E|X_t|² dt,</pre>
 * with {@code E|X_t|² = |m_p|² e^{−2at} + d (s²/(2a) + (v_p − s²/(2a)) e^{−2at})}, integrated in closed form.
 * Estimated by {@code E_P[−log w]} with P's forward Euler–Maruyama kernels and Q written as a backward process
 * (its exact time reversal from {@code q_T}), so the estimate exercises {@link LogWeight} end to end.
 */
class OuPathKlTest {

    @Test
    void monteCarloKlMatchesClosedForm() {
        double a = 1.0;
        double b = 2.5;
        double s = 1.0;
        double horizon = 1.0;
        double[] mp = {0.8, -0.4};
        double vp = 0.5;
        double[] mq = {0.0, 0.0};
        double vq = 1.0;
        int d = 2;
        // VP form with constant β: σ = σ_∞ √(2β) = s  ⇒  σ_∞ = s / √(2β).
        VpOrnsteinUhlenbeck p = new VpOrnsteinUhlenbeck(new VpLinearSchedule(s / Math.sqrt(2 * a), a, a, horizon),
                new IsotropicGaussian(mp, vp));
        VpOrnsteinUhlenbeck q = new VpOrnsteinUhlenbeck(new VpLinearSchedule(s / Math.sqrt(2 * b), b, b, horizon),
                new IsotropicGaussian(mq, vq));
        double m2 = mp[0] * mp[0] + mp[1] * mp[1];
        double e2 = (1 - Math.exp(-2 * a * horizon)) / (2 * a);
        double intX2 = m2 * e2 + d * (s * s / (2 * a) * horizon + (vp - s * s / (2 * a)) * e2);
        double kl0 = 0.5 * (d * vp / vq + (m2) / vq - d + d * Math.log(vq / vp));
        double exact = kl0 + (b - a) * (b - a) / (2 * s * s) * intX2;

        var rng = TestSupport.rng(2024);
        int k = 4000;
        TimeGrid grid = TimeGrid.uniform(horizon, 256);
        Tape tape = Tape.noGrad();
        EulerMaruyamaForward fwd = new EulerMaruyamaForward(p.sde(), grid);
        Path path = PathSimulator.forward(tape, fwd, tape.constant(p.initial().sample(k, rng)), NoiseSource.of(rng));
        Var lw = LogWeight.of(tape, path, fwd, new EulerMaruyamaBackward(q.reversal(), grid), p.initial(), q.marginal(horizon));
        double m = 0;
        double sq = 0;
        for (int i = 0; i < k; i++) {
            double r = -lw.get(i, 0);
            m += r / k;
            sq += r * r / k;
        }
        double se = Math.sqrt((sq - m * m) / k);
        // Band: 4 standard errors (two-sided false alarm ≈ 6e-5) plus 2% for the O(Δt) discretisation bias.
        assertTrue(Math.abs(m - exact) < 4 * se + 0.02 * exact,
                "Monte Carlo KL " + m + " ± " + se + " vs closed form " + exact);
        assertTrue(exact > 0.3, "the test must be able to tell P from Q: KL = " + exact);
    }
}
