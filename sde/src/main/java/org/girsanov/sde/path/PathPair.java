package org.girsanov.sde.path;

import org.girsanov.sde.Distribution;
import org.girsanov.sde.TimeGrid;
import org.girsanov.sde.kernel.GaussianKernel;
import org.girsanov.sde.kernel.MarkovKernel;
import org.girsanov.sde.rnd.LogWeightForm;

/**
 * A discrete-time pair of path measures on one grid (Berner et al. 2025, arXiv 2501.06148, §2): the forward
 * (generative) process {@code P→} — {@code x_0 ~ p_prior}, then the kernels {@code p→_n(x_{n+1} | x_n)} — and the
 * backward process {@code P←} — {@code x_N ~ ρ/Z}, then {@code p←_n(x_n | x_{n+1})} — with the log importance
 * weight {@code log w = log dP←/dP→ + log Z} in one of its {@link LogWeightForm}s. Every diffusion sampler is
 * one of these, built from the objects of this module; {@link StreamedPaths} simulates any of them, and the
 * checks run on exactly the pair that trains.
 */
public interface PathPair {

    /** The grid {@code t_0 < … < t_N} both kernels are indexed by. */
    TimeGrid grid();

    /** The dimension {@code d}. */
    int dimension();

    /** {@code p_prior} (a point mass for PIS-type samplers). */
    Distribution prior();

    /** The forward kernels {@code p→_n}. */
    GaussianKernel forward();

    /** The backward kernels {@code p←_n}. */
    MarkovKernel backward();

    /** How {@code log w} of a path is computed. */
    LogWeightForm logWeight();
}
