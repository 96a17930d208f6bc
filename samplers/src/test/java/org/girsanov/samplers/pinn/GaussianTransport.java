package org.girsanov.samplers.pinn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.girsanov.autodiff.Tape;
import org.girsanov.autodiff.Var;
import org.girsanov.autodiff.nn.Parameter;
import org.girsanov.samplers.control.Control;

/**
 * A closed-form Gaussian-to-Gaussian transport on {@code [0, 1]}: marginals {@code p_t = N(t m, V_t I)},
 * {@code V_t = (1 − t) s² + t v}, are those of {@code dX = b dt + σ dW} with
 * {@code b(x, t) = m + k_t (x − t m)}, {@code k_t = (V̇_t − σ²)/(2 V_t)}, {@code V̇ = v − s²}: the mean moves at
 * {@code ṁ_t = m} and {@code V̇ = 2kV + σ²} (Itô). So {@code (b, log p_t)} is an exact pair for the log-space
 * Fokker–Planck residual.
 */
record GaussianTransport(double priorStd, double[] mean, double variance, double sigma) {

    double pathVariance(double t) {
        return (1 - t) * priorStd * priorStd + t * variance;
    }

    /** {@code b + shift}. */
    Control transport(double shift) {
        return new Control() {
            @Override
            public Var apply(Tape t, Var x, double time) {
                double k = (variance - priorStd * priorStd - sigma * sigma) / (2 * pathVariance(time));
                double[] offset = new double[mean.length];
                for (int j = 0; j < mean.length; j++) {
                    offset[j] = mean[j] - k * time * mean[j] + shift;
                }
                return t.add(t.scale(x, k), t.constant(new DMatrixRMaj(1, mean.length, true, offset)));
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }

    /** {@code log N(x; s m, V_s I)} with the time {@code s} a column of the batch. */
    LogDensityModel logDensity() {
        return (t, x, s) -> {
            int d = mean.length;
            Var v = t.addScalar(t.scale(s, variance - priorStd * priorStd), priorStd * priorStd);
            Var diff = t.sub(x, t.matmul(s, t.constant(new DMatrixRMaj(1, d, true, mean))));
            Var quadratic = t.div(t.sumCols(t.square(diff)), t.scale(v, 2));
            return t.sub(t.scale(t.log(t.scale(v, 2 * Math.PI)), -0.5 * d), quadratic);
        };
    }
}
