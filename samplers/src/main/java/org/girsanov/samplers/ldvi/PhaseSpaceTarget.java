package org.girsanov.samplers.ldvi;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.samplers.targets.Target;
import org.girsanov.sde.GaussianDensity;

/**
 * The target lifted to phase space, {@code ρ̄(x, v) = ρ(x) N(v; 0, I)} on {@code R^{2d}} (rows {@code [x | v]}):
 * the same {@code Z}, and an exact sampler whenever {@code ρ} has one (momenta drawn after the positions, from the
 * same stream). The law of the positions under {@code ρ̄/Z} is {@code ρ/Z}; {@link #positions} and {@link #momenta}
 * cut a batch of states into its two halves.
 */
public final class PhaseSpaceTarget implements Target {
    private final Target inner;

    public PhaseSpaceTarget(Target inner) {
        if (inner == null) {
            throw new IllegalArgumentException("PhaseSpaceTarget: target must not be null");
        }
        this.inner = inner;
    }

    /** The target {@code ρ} of the positions. */
    public Target positionTarget() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** {@code 2d}. */
    @Override
    public int dimension() {
        return 2 * inner.dimension();
    }

    /** {@code log ρ(x) + log N(v; 0, I)} per row. */
    @Override
    public Var logDensity(Tape tape, Var state) {
        int d = inner.dimension();
        return tape.add(inner.logDensity(tape, tape.slice(state, 0, d)),
                GaussianDensity.centred(tape, tape.slice(state, d, 2 * d), 1.0));
    }

    @Override
    public OptionalDouble logZ() {
        return inner.logZ();
    }

    /** The positions' standard deviations, then 1 for every momentum. */
    @Override
    public Optional<double[]> marginalStd() {
        return inner.marginalStd().map(s -> {
            double[] all = Arrays.copyOf(s, 2 * s.length);
            Arrays.fill(all, s.length, all.length, 1.0);
            return all;
        });
    }

    @Override
    public boolean hasExactSampler() {
        return inner.hasExactSampler();
    }

    /** {@code x ~ ρ/Z} ({@code n × d}, from {@code rng}), then {@code v ~ N(0, I)} from the same {@code rng}. */
    @Override
    public DMatrixRMaj sample(int n, UniformRandomProvider rng) {
        return withMomenta(inner.sample(n, rng), rng);
    }

    /** {@code [x | v]} with {@code v ~ N(0, I)} drawn row-major from {@code rng}. */
    public static DMatrixRMaj withMomenta(DMatrixRMaj x, UniformRandomProvider rng) {
        int n = x.numRows;
        int d = x.numCols;
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj out = new DMatrixRMaj(n, 2 * d);
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.data, i * d, out.data, i * 2 * d, d);
            for (int j = 0; j < d; j++) {
                out.data[i * 2 * d + d + j] = g.sample();
            }
        }
        return out;
    }

    /** The first half of every row, {@code n × d}. */
    public static DMatrixRMaj positions(DMatrixRMaj states) {
        return half(states, 0);
    }

    /** The second half of every row, {@code n × d}. */
    public static DMatrixRMaj momenta(DMatrixRMaj states) {
        return half(states, 1);
    }

    private static DMatrixRMaj half(DMatrixRMaj states, int which) {
        if (states.numCols % 2 != 0) {
            throw new IllegalArgumentException("PhaseSpaceTarget: a phase-space state has 2d columns; got " + states.numCols);
        }
        int d = states.numCols / 2;
        DMatrixRMaj out = new DMatrixRMaj(states.numRows, d);
        for (int i = 0; i < states.numRows; i++) {
            System.arraycopy(states.data, i * 2 * d + which * d, out.data, i * d, d);
        }
        return out;
    }
}
