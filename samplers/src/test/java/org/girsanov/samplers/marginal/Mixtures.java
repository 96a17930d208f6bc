package org.girsanov.samplers.marginal;

import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.samplers.targets.GaussianMixture;
import org.girsanov.samplers.targets.Target;

/** Fixtures of the marginal-alignment tests: small mixtures and plain log-density evaluation. */
final class Mixtures {
    private Mixtures() {
    }

    /** Three unequal components in d = 2, one with a full covariance. */
    static GaussianMixture threeIn2d() {
        return new GaussianMixture("mix3", new double[][] {{-2, 0}, {2, 1}, {0, -2.5}},
                new DMatrixRMaj[] {
                    new DMatrixRMaj(2, 2, true, 0.5, 0.2, 0.2, 0.4),
                    new DMatrixRMaj(2, 2, true, 0.3, 0, 0, 0.3),
                    new DMatrixRMaj(2, 2, true, 0.8, -0.3, -0.3, 0.6)},
                new double[] {0.5, 0.3, 0.2});
    }

    /** Two components in d = 1. */
    static GaussianMixture twoIn1d() {
        return GaussianMixture.diagonal("mix2", new double[][] {{-1.5}, {2}}, new double[][] {{0.3}, {0.6}},
                new double[] {0.4, 0.6});
    }

    /** {@code log ρ(x)} per row of {@code x}. */
    static double[] logDensity(Target t, DMatrixRMaj x) {
        Tape tape = Tape.noGrad();
        return t.logDensity(tape, tape.constant(x)).value().data.clone();
    }

    static double logDensity(Target t, double... x) {
        return logDensity(t, new DMatrixRMaj(1, x.length, true, x))[0];
    }
}
