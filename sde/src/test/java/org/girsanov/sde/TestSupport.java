package org.girsanov.sde;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;

/** Shared test fixtures. */
final class TestSupport {
    private TestSupport() {
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A nonlinear drift: {@code a·tanh(x + c·t) − b x}. */
    static Drift tanhDrift(double a, double b, double c) {
        return (tape, x, t) -> tape.sub(tape.scale(tape.tanh(tape.addScalar(x, c * t)), a), tape.scale(x, b));
    }

    static double maxAbs(Var v) {
        double m = 0;
        for (int i = 0; i < v.value().getNumElements(); i++) {
            m = Math.max(m, Math.abs(v.value().data[i]));
        }
        return m;
    }

    static Var sub(Var a, Var b) {
        Tape t = Tape.noGrad();
        return t.sub(t.constant(a.value()), t.constant(b.value()));
    }
}
