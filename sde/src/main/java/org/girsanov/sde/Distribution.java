package org.girsanov.sde;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/** A law on {@code R^d} that can be sampled and whose (normalised) log-density is known. */
public interface Distribution extends LogDensity {

    /** The dimension {@code d}. */
    int dimension();

    /** {@code n} independent samples, {@code n × d}. */
    DMatrixRMaj sample(int n, UniformRandomProvider rng);
}
