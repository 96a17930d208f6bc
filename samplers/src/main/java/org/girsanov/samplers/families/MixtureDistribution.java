package org.girsanov.samplers.families;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.sde.Distribution;

/** A normalised Gaussian mixture as a prior of the path engine: exact samples and exact log-density. */
record MixtureDistribution(GaussianMixture mixture) implements Distribution {

    @Override
    public int dimension() {
        return mixture.dimension();
    }

    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        return mixture.sample(n, rng);
    }

    @Override
    public Var apply(Tape tape, Var x) {
        return mixture.logDensity(tape, x);
    }
}
