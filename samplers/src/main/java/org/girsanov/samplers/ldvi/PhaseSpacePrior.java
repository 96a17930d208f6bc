package org.girsanov.samplers.ldvi;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.sde.Distribution;
import org.girsanov.sde.GaussianDensity;
import org.girsanov.sde.IsotropicGaussian;

/**
 * The start of an LDVI path, {@code p̄_0(x, v) = p_prior(x) N(v; 0, I)} with {@code p_prior = N(0, s² I)}: positions
 * drawn first, then momenta, from one stream.
 */
record PhaseSpacePrior(IsotropicGaussian positions) implements Distribution {

    @Override
    public int dimension() {
        return 2 * positions.dimension();
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        return PhaseSpaceTarget.withMomenta(positions.sample(n, rng), rng);
    }

    /** {@code log N(x; 0, s² I) + log N(v; 0, I)} per row. */
    @Override
    public Var apply(Tape tape, Var state) {
        int d = positions.dimension();
        return tape.add(positions.apply(tape, tape.slice(state, 0, d)),
                GaussianDensity.centred(tape, tape.slice(state, d, 2 * d), 1.0));
    }
}
