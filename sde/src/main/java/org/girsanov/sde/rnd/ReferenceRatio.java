package org.girsanov.sde.rnd;

import java.util.Objects;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.LogDensity;
import org.girsanov.sde.kernel.Direction;
import org.girsanov.sde.kernel.GaussianMoments;
import org.girsanov.sde.kernel.MarkovKernel;

/**
 * The telescoped form of the log-weight for a pair whose backward process is the time reversal of a reference
 * process started at the prior (PIS, DDS; Zhang &amp; Chen ICLR 2022, Vargas et al. ICLR 2023): with the
 * reference's forward kernels {@code p^ref_n} and its law {@code π_ref} at the final time,
 * {@code p←_n(x_n|x_{n+1}) = p^ref_n(x_{n+1}|x_n) p^ref_{t_n}(x_n) / p^ref_{t_{n+1}}(x_{n+1})}, so the
 * reference marginals telescope into the boundary:
 * <pre>
 *   B_N = log ρ − log π_ref,   B_0 = 0,   ℓ_n = log p^ref_n(x_{n+1} | x_n) − log p→_n(x_{n+1} | x_n).
 * </pre>
 * The same number as {@link KernelRatio}, computed without the reference marginals (a point-mass prior needs
 * none). On-policy, with a forward kernel that adds {@code λ_n u} to the reference mean, {@code ℓ_n} is the
 * discretised Girsanov log-density {@code −½|u|²Δt − u·ΔW}.
 */
public final class ReferenceRatio implements LogWeightForm {
    private final MarkovKernel reference;
    private final LogDensity referenceTerminal;
    private final LogDensity target;

    /**
     * @param reference         the reference process's forward kernels {@code p^ref_n}
     * @param referenceTerminal {@code log π_ref} at the final time
     * @param target            {@code log ρ}
     */
    public ReferenceRatio(MarkovKernel reference, LogDensity referenceTerminal, LogDensity target) {
        this.reference = Objects.requireNonNull(reference, "ReferenceRatio: reference kernel must not be null");
        this.referenceTerminal = Objects.requireNonNull(referenceTerminal, "ReferenceRatio: referenceTerminal must not be null");
        this.target = Objects.requireNonNull(target, "ReferenceRatio: target must not be null");
        if (reference.direction() != Direction.FORWARD) {
            throw new IllegalArgumentException("ReferenceRatio: reference kernel has direction " + reference.direction()
                    + "; must be FORWARD");
        }
    }

    @Override
    public Var increment(Tape tape, int n, Var xn, Var xNext, GaussianMoments forward) {
        return tape.sub(reference.logDensity(tape, xNext, xn, n), forward.logDensity(tape, xNext));
    }

    @Override
    public Var start(Tape tape, Var x0) {
        return LogWeightForm.zero(tape, x0);
    }

    @Override
    public Var end(Tape tape, Var xN) {
        return tape.sub(target.apply(tape, xN), referenceTerminal.apply(tape, xN));
    }
}
