package org.girsanov.samplers.exploration;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.samplers.mcmc.ChainState;
import org.girsanov.samplers.mcmc.Mala;
import org.girsanov.samplers.mcmc.McmcResult;
import org.girsanov.samplers.mcmc.McmcSampler;
import org.girsanov.samplers.targets.Target;

/**
 * Local search (Sendera et al. NeurIPS 2024; docs/math.md §4, exploration): refreshes the states of a
 * {@link ReplayBuffer} by {@code steps} MALA steps on the target (one chain per state, step size adapted
 * towards acceptance 0.574 during the first {@code warmup} of them), and re-scores them by {@code log ρ}.
 * MALA leaves the target invariant, so the refreshed states are still "as good as" target samples; the
 * buffer should then be ranked by {@code log ρ}.
 */
public final class LocalSearch {
    private final McmcSampler sampler;

    /** @param stepSize initial MALA step size ε; @param warmup adaptive steps; @param steps further steps */
    public LocalSearch(double stepSize, int warmup, int steps) {
        this.sampler = new McmcSampler(new Mala(), stepSize, warmup, steps, steps, true);
    }

    /** New states from {@code x} ({@code n × d}) and their {@code log ρ}. */
    public record Result(DMatrixRMaj states, double[] logDensity, double acceptance) {
    }

    public Result run(Target target, DMatrixRMaj x, UniformRandomProvider rng) {
        McmcResult r = sampler.run(target, x, rng);
        ChainState s = r.finalState();
        double[] lp = new double[s.size()];
        for (int i = 0; i < lp.length; i++) {
            lp[i] = s.logTarget(i);
        }
        return new Result(s.points().copy(), lp, r.acceptanceRate());
    }

    /** Refreshes every state of {@code buffer} in place (scores become {@code log ρ}); returns the acceptance. */
    public double refresh(ReplayBuffer buffer, Target target, UniformRandomProvider rng) {
        Result r = run(target, buffer.states(), rng);
        buffer.replaceAll(r.states(), r.logDensity());
        return r.acceptance();
    }
}
